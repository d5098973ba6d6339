package dev.bellwether.core.tagging;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A company buying another company or its assets: "acquires", "to buy", "agreed to acquire",
 * "takeover of". Buying a minority stake is funding; a licence-and-hire deal is a partnership.
 */
final class AcquisitionCues implements EventCues {
  private static final Pattern CUE =
      Pattern.compile(
          "\\b(?:acquir(?:e|es|ed|ing)|acquisition(?: of)?|to buy|buy(?:s|ing)?|bought"
              + "|purchas(?:e|es|ed|ing)(?: of)?|takeover(?: of)?|tak(?:e|es|ing) over"
              + "|snap(?:s|ped|ping)? up|buyout(?: of)?|merg(?:e|es|ed|ing) with)\\b(?! into| back)");
  private static final Pattern STAKE =
      Pattern.compile("\\b(?:stake|\\d+(?:\\.\\d+)?\\s?%|shares of)");
  private static final Pattern ACQUI_HIRE =
      Pattern.compile(
          "\\blicen[cs]\\w*\\b.*\\b(?:hire|hiring|bring (?:on|over)|staff|researchers|team|chief executive)"
              + "|\\b(?:hire|hiring|bring (?:on|over)|staff|researchers|team|chief executive)\\b.*\\blicen[cs]");

  @Override
  public EventType type() {
    return EventType.ACQUISITION;
  }

  @Override
  public List<DetectedEvent> detect(SentenceContext s) {
    Matcher cue = CUE.matcher(s.lower());
    if (!s.hasAnchor()
        || !cue.find()
        || StatusCues.isNegated(s)
        || s.has(ACQUI_HIRE)
        || StatusCues.isHypothetical(s, cue.start())) {
      return List.of();
    }
    if (STAKE
        .matcher(s.lower().substring(cue.end(), Math.min(s.lower().length(), cue.end() + 30)))
        .find()) {
      return List.of();
    }
    Optional<CompanyMention> acquirer = s.subjectBefore(cue.start());
    Optional<String> target = target(s, cue.end(), acquirer);
    if (target.isEmpty() || acquirer.isEmpty() && s.mentions().isEmpty()) {
      return List.of();
    }
    EventBuilder event = new EventBuilder(EventType.ACQUISITION, s).cues(2);
    acquirer.ifPresent(a -> event.company(a.company()).fact("acquirer", a.company()));
    event.company(target.get()).fact("target", target.get());
    Amounts.amount(s).filter(Money::isUsd).ifPresent(a -> event.fact("amount_usd", a.plain()));
    return List.of(event.build());
  }

  private static Optional<String> target(
      SentenceContext s, int from, Optional<CompanyMention> acquirer) {
    Optional<String> known =
        s.firstAfter(from)
            .filter(m -> acquirer.isEmpty() || !m.company().equals(acquirer.get().company()))
            .filter(m -> s.offset(m) - from <= 60)
            .map(CompanyMention::company);
    return known.or(() -> ProperNames.after(s.text(), from, 50));
  }
}
