package dev.bellwether.core.tagging;

import dev.bellwether.core.text.Regex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Funding rounds, strategic investments and debt financing: "raises $X", "a Series B", "invests $X
 * in", "a stake in", "in talks to raise". Government money, purchase orders, denials and collapsed
 * talks are not funding.
 */
final class FundingCues implements EventCues {
  /** Matches no text: the optional patterns of a cue book written before they existed. */
  private static final Regex NOTHING = Regex.compile("(?!)");

  private final Regex raise;
  private final Regex round;
  private final Regex roundPhrase;
  private final Regex invest;
  private final Regex into;
  private final Regex debt;
  private final Regex notFunding;
  private final Regex roundName;

  /**
   * Verbs that get money only with an amount and a funding word in the sentence ("took in 3 billion
   * yuan ... among the investors"); {@link #NOTHING} in a cue book without them.
   */
  private final Regex receive;

  /** "X's $40 billion raise", "X's Series B round": the possessor is the company raising. */
  private final Regex ownRound;

  /** "led a $300 million round for Y": the round belongs to the company after for / in / of. */
  private final Regex ledRound;

  /** "X leads", "X led the round", "X joined": X is an investor, not the company raising. */
  private final Regex leadsAfter;

  FundingCues(CueBook book) {
    receive = book.optionalPattern("funding", "receive").orElse(NOTHING);
    raise = book.pattern("funding", "raise");
    roundPhrase = book.pattern("funding", "round-phrase");
    into = book.pattern("funding", "into");
    notFunding = book.pattern("funding", "not-funding");
    ownRound = book.pattern("funding", "own-round");
    ledRound = book.pattern("funding", "led-round");
    leadsAfter = book.pattern("funding", "leads-after");
    round = book.pattern("funding", "round");
    invest = book.pattern("funding", "invest");
    debt = book.pattern("funding", "debt");
    roundName = book.pattern("funding", "round-name");
  }

  @Override
  public EventType type() {
    return EventType.FUNDING;
  }

  @Override
  public List<DetectedEvent> detect(SentenceContext s) {
    if (!s.hasAnchor() || s.has(notFunding) && !s.has(roundPhrase)) {
      return List.of();
    }
    Optional<CompanyMention> recipient =
        ownRound(s).or(() -> investedInto(s)).or(() -> ledRoundFor(s)).or(() -> raiser(s));
    if (recipient.isEmpty() || s.isNegated() || s.isHypothetical(firstCue(s))) {
      return List.of();
    }
    return List.of(build(s, recipient.get()));
  }

  /** The first funding verb or noun of the sentence ("raised", "invest", "seed round"). */
  private String cueWords(SentenceContext s) {
    String words = null;
    int at = Integer.MAX_VALUE;
    for (Regex p : cuePatterns()) {
      Optional<Matcher> m = p.first(s.lower());
      if (m.isPresent() && m.get().start() < at) {
        at = m.get().start();
        words = m.get().group();
      }
    }
    return words;
  }

  private List<Regex> cuePatterns() {
    return List.of(raise, invest, roundPhrase, receive);
  }

  /** Where the first funding verb or noun starts, or the sentence end when there is none. */
  private int firstCue(SentenceContext s) {
    int at = s.lower().length();
    for (Regex p : cuePatterns()) {
      int start = p.firstStart(s.lower());
      if (start >= 0) {
        at = Math.min(at, start);
      }
    }
    return at;
  }

  /** The company named as owner of the round ("X's $2 billion raise"), when there is a round. */
  private Optional<CompanyMention> ownRound(SentenceContext s) {
    return s.mentions().stream()
        .filter(m -> !s.isEpithet(m))
        .filter(m -> s.findIn(ownRound, m.end() - s.sentence().start(), s.lower().length()))
        .findFirst();
  }

  /** The company a round is led for ("X led a $300 million round for Y"). */
  private Optional<CompanyMention> ledRoundFor(SentenceContext s) {
    return s.mentions().stream()
        .filter(m -> !s.isEpithet(m))
        .filter(
            m ->
                s.findIn(
                    ledRound, Math.max(0, s.offset(m) - SentenceContext.BEFORE_REACH), s.offset(m)))
        .findFirst();
  }

  /** Whether the mention is the subject of a lead or participation verb ("X leads", "X led"). */
  private boolean leadsTheRound(SentenceContext s, CompanyMention m) {
    int end = m.end() - s.sentence().start();
    return s.offset(m) >= 0 && s.findIn(leadsAfter, end, s.lower().length());
  }

  private Optional<CompanyMention> investedInto(SentenceContext s) {
    Regex.Scan scan = invest.scan(s.lower());
    while (scan.next()) {
      Matcher m = scan.matcher();
      Optional<CompanyMention> into =
          s.firstAfter(m.end())
              .filter(c -> s.offset(c) - m.end() <= 90)
              .filter(c -> s.findIn(this.into, m.end(), s.offset(c)));
      // the money in the sentence is parsed last: it is the costliest of the checks
      boolean moneyish =
          m.group().startsWith("invest")
              || m.group().equals("stake")
              || m.group().contains("into")
              || s.has(round)
              || !s.money().isEmpty();
      if (into.isPresent() && moneyish) {
        return into;
      }
    }
    return Optional.empty();
  }

  private Optional<CompanyMention> raiser(SentenceContext s) {
    int raise = this.raise.firstStart(s.lower());
    boolean raised = raise >= 0 && (s.has(round) || !s.money().isEmpty());
    if (!raised) {
      int received = receive.firstStart(s.lower());
      if (received >= 0 && s.has(round) && !s.money().isEmpty()) {
        raise = received;
        raised = true;
      }
    }
    boolean debt = s.has(this.debt) && !s.money().isEmpty();
    if (!raised && !debt && !s.has(roundPhrase)) {
      return Optional.empty();
    }
    int verb = raised ? raise : s.lower().length();
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
    EventBuilder event =
        new EventBuilder(EventType.FUNDING, s).company(recipient.company()).because(cueWords(s));
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

  private Optional<String> roundName(SentenceContext s) {
    Optional<Matcher> m = roundName.first(s.lower());
    if (m.isPresent()) {
      String r = m.get().group(1);
      return Optional.of(
          r.startsWith("series")
              ? "Series " + r.substring(7).toUpperCase(java.util.Locale.ROOT)
              : r);
    }
    return s.has(debt) ? Optional.of("debt") : Optional.empty();
  }
}
