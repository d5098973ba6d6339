package dev.bellwether.core.tagging;

import dev.bellwether.core.text.Regex;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A company buying another company or its assets: "acquires", "to buy", "agreed to acquire",
 * "takeover of". Buying a minority stake is funding; a licence-and-hire deal is a partnership.
 */
final class AcquisitionCues implements EventCues {
  private final Regex cue;
  private final Regex stake;
  private final Regex nounCue;
  private final Regex possessiveGap;
  private final Regex corporateSuffix;
  private final Regex passiveGap;
  private final Regex relativeGap;
  private final Regex acquiHire;

  AcquisitionCues(CueBook book) {
    cue = book.pattern("acquisition", "cue");
    nounCue = book.pattern("acquisition", "noun-cue");
    corporateSuffix = book.pattern("acquisition", "corporate-suffix");
    relativeGap = book.pattern("acquisition", "relative-gap");
    stake = book.pattern("acquisition", "stake");
    possessiveGap = book.pattern("acquisition", "possessive-gap");
    passiveGap = book.pattern("acquisition", "passive-gap");
    acquiHire = book.pattern("acquisition", "acqui-hire");
  }

  @Override
  public EventType type() {
    return EventType.ACQUISITION;
  }

  @Override
  public List<DetectedEvent> detect(SentenceContext s) {
    if (!s.hasAnchor()) {
      return List.of();
    }
    Matcher cue = this.cue.first(s.lower()).orElse(null);
    if (cue == null || s.isNegated() || s.has(acquiHire) || s.isHypothetical(cue.start())) {
      return List.of();
    }
    if (s.findIn(stake, cue.end(), Math.min(s.lower().length(), cue.end() + 30))) {
      return List.of();
    }
    Optional<CompanyMention> acquirer = s.subjectBefore(cue.start());
    Optional<String> target;
    Optional<CompanyMention> byAfter = passiveAcquirer(s, cue.end());
    Optional<CompanyMention[]> relative = relativeClause(s, cue.start());
    if (byAfter.isPresent() && acquirer.isPresent()) {
      target = acquirer.map(CompanyMention::company);
      acquirer = byAfter;
    } else if (relative.isPresent()) {
      acquirer = Optional.of(relative.get()[0]);
      target = Optional.of(relative.get()[1].company());
    } else {
      target = target(s, cue.end(), acquirer);
    }
    if (target.isEmpty() || acquirer.isEmpty() && s.mentions().isEmpty()) {
      return List.of();
    }
    EventBuilder event = new EventBuilder(EventType.ACQUISITION, s).cues(2);
    acquirer.ifPresent(a -> event.company(a.company()).fact("acquirer", a.company()));
    if (acquirer.isEmpty()) {
      possessiveBuyer(s, cue)
          .filter(b -> !b.equals(target.get()))
          .ifPresent(b -> event.fact("acquirer", b));
    }
    event.company(target.get()).fact("target", target.get());
    Amounts.amount(s).filter(Money::isUsd).ifPresent(a -> event.fact("amount_usd", a.plain()));
    return List.of(event.build());
  }

  /**
   * "Roche Holding's $1.9B takeover of ...": an organization outside the knowledge base that owns
   * the acquisition noun, without a corporate suffix ("Holding", "Inc.", "Group").
   */
  private Optional<String> possessiveBuyer(SentenceContext s, Matcher cue) {
    if (!nounCue.in(cue.group())) {
      return Optional.empty();
    }
    String text = s.text();
    for (ProperNames.Name name : ProperNames.all(text, 0, cue.start())) {
      String gap = text.substring(name.end(), cue.start());
      if (possessiveGap.in(gap)) {
        return Optional.of(corporateSuffix.replaceAll(name.text(), m -> ""))
            .filter(n -> !n.isBlank());
      }
    }
    return Optional.empty();
  }

  /** "X, acquired by Y": the company after "by" is the acquirer. */
  private Optional<CompanyMention> passiveAcquirer(SentenceContext s, int cueEnd) {
    return s.firstAfter(cueEnd).filter(m -> s.findIn(passiveGap, cueEnd, s.offset(m)));
  }

  /** "X, which Y acquired": Y (right before the verb) bought X (before "which"). */
  private Optional<CompanyMention[]> relativeClause(SentenceContext s, int cueStart) {
    CompanyMention buyer = null;
    CompanyMention bought = null;
    for (CompanyMention m : s.mentions()) {
      int end = m.end() - s.sentence().start();
      if (s.offset(m) >= 0 && end <= cueStart) {
        bought = buyer;
        buyer = m;
      }
    }
    if (buyer == null || bought == null || buyer.company().equals(bought.company())) {
      return Optional.empty();
    }
    String gap = s.lower().substring(buyer.end() - s.sentence().start(), cueStart);
    String lead = s.lower().substring(bought.end() - s.sentence().start(), s.offset(buyer));
    return relativeGap.in(lead) && gap.matches("\\s+(?:had |has )?")
        ? Optional.of(new CompanyMention[] {buyer, bought})
        : Optional.empty();
  }

  private Optional<String> target(SentenceContext s, int from, Optional<CompanyMention> acquirer) {
    Optional<String> known =
        s.firstAfter(from)
            .filter(m -> acquirer.isEmpty() || !m.company().equals(acquirer.get().company()))
            .filter(m -> s.offset(m) - from <= 60)
            .map(CompanyMention::company);
    return known.or(() -> ProperNames.after(s.text(), from, 50));
  }
}
