package dev.bellwether.core.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Funding rounds, strategic investments and debt financing: "raises $X", "a Series B", "invests $X
 * in", "a stake in", "in talks to raise". Government money, purchase orders, denials and collapsed
 * talks are not funding.
 */
final class FundingCues implements EventCues {
  private static final Pattern RAISE =
      Pattern.compile(
          "\\b(?:rais(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|land(?:s|ed)?|pull(?:s|ed)? in"
              + "|br(?:ing|ings|ought) in|clos(?:e|es|ed|ing)|wrap(?:s|ped|ping)? up"
              + "|lin(?:e|es|ed) up|snag(?:s|ged)?|bag(?:s|ged)?|nab(?:s|bed)?)\\b");
  private static final Pattern ROUND =
      Pattern.compile(
          "\\b(?:funding|financing|fundrais\\w*|round|series [a-h]\\b|seed|valuation|valued"
              + "|money|capital|investors?|backers?)");
  private static final Pattern ROUND_PHRASE =
      Pattern.compile(
          "\\b(?:funding round|financing round|round of funding|seed round|seed funding"
              + "|series [a-h] (?:round|funding)|fundrais\\w+)\\b");
  private static final Pattern INVEST =
      Pattern.compile(
          "\\b(?:invest(?:s|ed|ing|ment|ments)?|stake|bought into|buy(?:s|ing)? into|put(?:s|ting)?"
              + "|pour(?:s|ed|ing)?|inject\\w*|cash injection)\\b");
  private static final Pattern INTO = Pattern.compile("\\b(?:in|into)\\b");
  private static final Pattern DEBT =
      Pattern.compile("\\b(?:debt|credit facility|loan|borrow\\w*|bonds?|notes offering)\\b");
  private static final Pattern NOT_FUNDING =
      Pattern.compile(
          "\\b(?:grants?|programs?|programmes?|budgets?|subsid\\w*|stimulus|placed orders"
              + "|orders? for|purchase orders?|worth of chips|revenue|earnings|market value"
              + "|market cap\\w*|quarterly|per share|a share)\\b");
  private static final Pattern ROUND_NAME = Pattern.compile("\\b(series [a-h]|seed|pre-seed)\\b");

  /** "X's $40 billion raise", "X's Series B round": the possessor is the company raising. */
  private static final Pattern OWN_ROUND =
      Pattern.compile(
          "^['’]s\\s(?:[^.;,]{0,40}?\\s)?(?:raise|round|funding|financing|fundrais\\w*"
              + "|series [a-h])\\b(?!\\s+(?:of|for|in|into)\\b)");

  /** "led a $300 million round for Y": the round belongs to the company after for / in / of. */
  private static final Pattern LED_ROUND =
      Pattern.compile(
          "\\b(?:leads?|led|leading|co-leads?|co-led)\\s+(?:a|an|the)\\s+[^.;]{0,30}?\\b(?:round"
              + "|raise|financing|funding|fundraise)\\s+(?:for|in|into|of|at)\\s+$");

  /** "X leads", "X led the round", "X joined": X is an investor, not the company raising. */
  private static final Pattern LEADS_AFTER =
      Pattern.compile(
          "^(?:\\s+(?:group|capital|ventures|fund))?\\s+(?:(?:is|was|has|have|had|will)\\s+)?"
              + "(?:leads|led|leading|co-leads?|co-led|co-leading|joined|joins|participated"
              + "|anchors|anchored)\\b");

  @Override
  public EventType type() {
    return EventType.FUNDING;
  }

  @Override
  public List<DetectedEvent> detect(SentenceContext s) {
    if (!s.hasAnchor() || StatusCues.isNegated(s) || s.has(NOT_FUNDING) && !s.has(ROUND_PHRASE)) {
      return List.of();
    }
    Optional<CompanyMention> recipient =
        ownRound(s).or(() -> investedInto(s)).or(() -> ledRoundFor(s)).or(() -> raiser(s));
    if (recipient.isEmpty() || StatusCues.isHypothetical(s, firstCue(s))) {
      return List.of();
    }
    return List.of(build(s, recipient.get()));
  }

  /** Where the first funding verb or noun starts, or the sentence end when there is none. */
  private static int firstCue(SentenceContext s) {
    int at = s.lower().length();
    for (Pattern p : List.of(RAISE, INVEST, ROUND_PHRASE)) {
      Matcher m = p.matcher(s.lower());
      if (m.find()) {
        at = Math.min(at, m.start());
      }
    }
    return at;
  }

  /** The company named as owner of the round ("X's $2 billion raise"), when there is a round. */
  private static Optional<CompanyMention> ownRound(SentenceContext s) {
    return s.mentions().stream()
        .filter(m -> !s.isEpithet(m))
        .filter(m -> OWN_ROUND.matcher(s.lower().substring(m.end() - s.sentence().start())).find())
        .findFirst();
  }

  /** The company a round is led for ("X led a $300 million round for Y"). */
  private static Optional<CompanyMention> ledRoundFor(SentenceContext s) {
    return s.mentions().stream()
        .filter(m -> !s.isEpithet(m))
        .filter(m -> LED_ROUND.matcher(s.lower().substring(0, s.offset(m))).find())
        .findFirst();
  }

  /** Whether the mention is the subject of a lead or participation verb ("X leads", "X led"). */
  private static boolean leadsTheRound(SentenceContext s, CompanyMention m) {
    int end = m.end() - s.sentence().start();
    return s.offset(m) >= 0 && LEADS_AFTER.matcher(s.lower().substring(end)).find();
  }

  private Optional<CompanyMention> investedInto(SentenceContext s) {
    Matcher m = INVEST.matcher(s.lower());
    while (m.find()) {
      boolean moneyish =
          !s.money().isEmpty()
              || m.group().startsWith("invest")
              || m.group().equals("stake")
              || m.group().contains("into");
      Optional<CompanyMention> into =
          s.firstAfter(m.end())
              .filter(c -> s.offset(c) - m.end() <= 90)
              .filter(c -> INTO.matcher(s.lower().substring(m.end(), s.offset(c))).find());
      if (moneyish && into.isPresent()) {
        return into;
      }
    }
    return Optional.empty();
  }

  private Optional<CompanyMention> raiser(SentenceContext s) {
    Matcher m = RAISE.matcher(s.lower());
    boolean raised = m.find() && (!s.money().isEmpty() || s.has(ROUND));
    boolean debt = s.has(DEBT) && !s.money().isEmpty();
    if (!raised && !debt && !s.has(ROUND_PHRASE)) {
      return Optional.empty();
    }
    int verb = raised ? m.start() : s.lower().length();
    Optional<CompanyMention> subject = s.subjectBefore(verb);
    if (subject.isPresent() && !leadsTheRound(s, subject.get())) {
      return subject;
    }
    return s.mentions().stream()
        .filter(c -> !s.isEpithet(c) && !leadsTheRound(s, c))
        .filter(c -> subject.isEmpty() || !c.company().equals(subject.get().company()))
        .findFirst();
  }

  private DetectedEvent build(SentenceContext s, CompanyMention recipient) {
    EventBuilder event = new EventBuilder(EventType.FUNDING, s).company(recipient.company());
    List<String> investors = new ArrayList<>();
    for (CompanyMention m : s.mentions()) {
      if (!m.company().equals(recipient.company()) && !s.isEpithet(m)) {
        investors.add(m.company());
        event.company(m.company());
      }
    }
    Amounts.of(s).forEach(event::fact);
    roundName(s).ifPresent(r -> event.fact("round", r));
    return event.list("investors", investors).cues(1 + (s.money().isEmpty() ? 0 : 1)).build();
  }

  private static Optional<String> roundName(SentenceContext s) {
    Matcher m = ROUND_NAME.matcher(s.lower());
    if (m.find()) {
      String r = m.group(1);
      return Optional.of(
          r.startsWith("series")
              ? "Series " + r.substring(7).toUpperCase(java.util.Locale.ROOT)
              : r);
    }
    return s.has(DEBT) ? Optional.of("debt") : Optional.empty();
  }
}
