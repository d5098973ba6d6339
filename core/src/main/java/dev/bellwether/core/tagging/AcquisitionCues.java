package dev.bellwether.core.tagging;

import dev.bellwether.core.text.Regex;
import java.util.ArrayList;
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
  private final Regex listGap;
  private final Regex subjectGap;
  private final Regex goodsAfter;
  private final Regex spac;

  AcquisitionCues(CueBook book) {
    cue = book.pattern("acquisition", "cue");
    nounCue = book.pattern("acquisition", "noun-cue");
    corporateSuffix = book.pattern("acquisition", "corporate-suffix");
    relativeGap = book.pattern("acquisition", "relative-gap");
    stake = book.pattern("acquisition", "stake");
    possessiveGap = book.pattern("acquisition", "possessive-gap");
    passiveGap = book.pattern("acquisition", "passive-gap");
    acquiHire = book.pattern("acquisition", "acqui-hire");
    listGap = book.pattern("acquisition", "list-gap");
    subjectGap = book.pattern("acquisition", "subject-gap");
    goodsAfter = book.pattern("acquisition", "goods-after");
    spac = book.pattern("acquisition", "spac");
  }

  @Override
  public EventType type() {
    return EventType.ACQUISITION;
  }

  @Override
  public List<DetectedEvent> detect(SentenceContext s) {
    if (!s.hasAnchor() || s.isNegated() || s.has(acquiHire) || s.has(spac)) {
      return List.of();
    }
    // each buying verb or noun may report its own purchase: "Facebook bought A in 2014, and
    // Twitter purchased B"
    List<int[]> cues = new ArrayList<>();
    List<String> words = new ArrayList<>();
    Regex.Scan scan = cue.scan(s.lower());
    while (scan.next()) {
      Matcher m = scan.matcher();
      cues.add(new int[] {m.start(), m.end()});
      words.add(m.group());
    }
    List<DetectedEvent> events = new ArrayList<>();
    int done = 0;
    for (int i = 0; i < cues.size(); i++) {
      int start = cues.get(i)[0];
      if (start < done) {
        continue;
      }
      int next = i + 1 < cues.size() ? cues.get(i + 1)[0] : s.lower().length();
      done = purchase(s, words.get(i), start, cues.get(i)[1], next, events);
    }
    return events;
  }

  /**
   * Reads one buying word at {@code [start, end)} and adds the purchases it reports.
   *
   * @param next where the next buying word starts (a name right before it is that one's buyer)
   * @return where the words read end
   */
  private int purchase(
      SentenceContext s, String word, int start, int end, int next, List<DetectedEvent> events) {
    if (s.isHypothetical(start) || s.findIn(stake, end, Math.min(s.lower().length(), end + 30))) {
      return end;
    }
    Optional<CompanyMention> premodifier =
        isNoun(word) && !word.endsWith(" of") ? premodifier(s, start) : Optional.empty();
    if (premodifier.isPresent()) {
      // "Intel's Mobileye purchase", "the Statsig purchase is one of OpenAI's largest"
      CompanyMention bought = premodifier.get();
      Optional<CompanyMention> buyer =
          s.anchors().stream()
              .filter(m -> !m.company().equals(bought.company()) && !s.isEpithet(m))
              .filter(m -> !SentenceContext.isPublicBody(m) && !s.isInvestor(m))
              .findFirst();
      EventBuilder event = new EventBuilder(EventType.ACQUISITION, s).cues(2).because(word);
      buyer.ifPresent(b -> event.company(b.company()).fact("acquirer", b.company()));
      event.company(bought.company()).fact("target", targetName(bought, buyer));
      events.add(event.build());
      return end;
    }
    if (s.mentions().stream()
        .filter(m -> s.offset(m) >= end && s.offset(m) - end <= 40)
        .findFirst()
        .filter(m -> goodsOf(s, m))
        .isPresent()) {
      return end; // "to buy more Nvidia GPUs": goods, not a company
    }
    Optional<CompanyMention> acquirer = clauseSubject(s, start).or(() -> s.subjectBefore(start));
    Optional<String> target;
    List<CompanyMention> listed = List.of();
    CompanyMention firstTarget = null;
    Optional<CompanyMention> byAfter = passiveAcquirer(s, end);
    Optional<CompanyMention[]> relative = relativeClause(s, start);
    if (byAfter.isPresent() && acquirer.isPresent()) {
      target = acquirer.map(CompanyMention::company);
      acquirer = byAfter;
    } else if (relative.isPresent()) {
      acquirer = Optional.of(relative.get()[0]);
      target = Optional.of(relative.get()[1].company());
    } else {
      Optional<CompanyMention> t =
          targetMention(s, end, acquirer).filter(m -> !subjectOf(s, m, next));
      if (t.isPresent()) {
        firstTarget = t.get();
        listed = listed(s, firstTarget, acquirer);
        target = Optional.of(targetName(firstTarget, acquirer));
      } else {
        target = nameAfter(s, end, Math.min(50, Math.max(0, next - end)));
      }
    }
    if (target.isEmpty() || acquirer.isEmpty() && s.mentions().isEmpty()) {
      return end;
    }
    EventBuilder event = new EventBuilder(EventType.ACQUISITION, s).cues(2).because(word);
    acquirer.ifPresent(a -> event.company(a.company()).fact("acquirer", a.company()));
    if (acquirer.isEmpty()) {
      possessiveBuyer(s, word, start)
          .filter(b -> !b.equals(target.get()))
          .ifPresent(b -> event.fact("acquirer", b));
    }
    event.company(target.get()).fact("target", target.get());
    if (listed.isEmpty()) {
      Amounts.amount(s).filter(Money::isUsd).ifPresent(a -> event.fact("amount_usd", a.plain()));
      events.add(event.build());
      return firstTarget == null ? end : firstTarget.end() - s.sentence().start();
    }
    // "bought A for $1bn, B for $2bn and C": one purchase each, its price right after its name
    List<CompanyMention> targets = new ArrayList<>(listed.size() + 1);
    targets.add(firstTarget);
    targets.addAll(listed);
    for (int i = 0; i < targets.size(); i++) {
      CompanyMention t = targets.get(i);
      int to = i + 1 < targets.size() ? targets.get(i + 1).start() : s.sentence().end();
      EventBuilder one =
          i == 0 ? event : new EventBuilder(EventType.ACQUISITION, s).cues(2).because(word);
      if (i > 0) {
        acquirer.ifPresent(a -> one.company(a.company()).fact("acquirer", a.company()));
        one.company(t.company()).fact("target", targetName(t, acquirer));
      }
      priceBetween(s, t.end(), to).ifPresent(a -> one.fact("amount_usd", a.plain()));
      events.add(one.build());
    }
    return targets.get(targets.size() - 1).end() - s.sentence().start();
  }

  /**
   * The organization named right before a buying word, as its subject: "Twitter purchased",
   * "Thomson Reuters, which previously snapped up", "HPE had agreed to buy".
   */
  private Optional<CompanyMention> clauseSubject(SentenceContext s, int start) {
    CompanyMention last = null;
    for (CompanyMention m : s.mentions()) {
      int end = m.end() - s.sentence().start();
      if (s.offset(m) >= 0 && end <= start) {
        last = m;
      }
    }
    if (last == null || s.isEpithet(last) || SentenceContext.isPublicBody(last)) {
      return Optional.empty();
    }
    return s.findIn(subjectGap, last.end() - s.sentence().start(), start)
        ? Optional.of(last)
        : Optional.empty();
  }

  /** Whether the mention is the subject of the next buying word (then not this one's target). */
  private boolean subjectOf(SentenceContext s, CompanyMention m, int next) {
    int end = m.end() - s.sentence().start();
    return next < s.lower().length() && end <= next && s.findIn(subjectGap, end, next);
  }

  /** Whether the buying word is a noun ("purchase", "takeover of"), not a verb ("purchased"). */
  private boolean isNoun(String word) {
    String w = word.endsWith(" of") ? word.substring(0, word.length() - 3) : word;
    return nounCue.in(w) && !w.endsWith("ed") && !w.endsWith("ing") && !w.endsWith("es");
  }

  /** The organization right before an acquisition noun: "the Wiz purchase" (not "Wiz's"). */
  private static Optional<CompanyMention> premodifier(SentenceContext s, int start) {
    for (CompanyMention m : s.mentions()) {
      int end = m.end() - s.sentence().start();
      if (s.offset(m) >= 0 && end < start && s.lower().substring(end, start).isBlank()) {
        return SentenceContext.isPublicBody(m) ? Optional.empty() : Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** Whether the mention owns what follows it ("Nvidia's purchase"): a new clause, not a target. */
  private static boolean possessive(SentenceContext s, CompanyMention m) {
    int end = m.end() - s.sentence().start();
    String t = s.text();
    return end + 1 < t.length() && (t.charAt(end) == '\'' || t.charAt(end) == '’');
  }

  /** The first US-dollar figure between two text offsets (the price named after a target). */
  private static Optional<Money> priceBetween(SentenceContext s, int from, int to) {
    int base = s.sentence().start();
    return s.money().stream()
        .filter(Money::isUsd)
        .filter(m -> m.start() + base >= from && m.end() + base <= to)
        .findFirst();
  }

  /**
   * The organizations listed after the first target, each with its own price or date: "Intersil for
   * $3.2bn in 2016, IDT for $6.7bn and Dialog". The list ends at a gap that is not a separator (a
   * verb, a clause).
   */
  private List<CompanyMention> listed(
      SentenceContext s, CompanyMention first, Optional<CompanyMention> acquirer) {
    List<CompanyMention> more = new ArrayList<>();
    CompanyMention previous = first;
    for (CompanyMention m : s.mentions()) {
      if (m.start() < previous.end() || m == first) {
        continue;
      }
      String gap = s.lower().substring(previous.end() - s.sentence().start(), s.offset(m));
      if (!listGap.in(gap)
          || s.isEpithet(m)
          || possessive(s, m)
          || SentenceContext.isPublicBody(m)
          || acquirer.isPresent() && m.company().equals(acquirer.get().company())) {
        break;
      }
      more.add(m);
      previous = m;
    }
    return more;
  }

  /**
   * "Roche Holding's $1.9B takeover of ...": an organization outside the knowledge base that owns
   * the acquisition noun, without a corporate suffix ("Holding", "Inc.", "Group").
   */
  private Optional<String> possessiveBuyer(SentenceContext s, String word, int start) {
    if (!isNoun(word)) {
      return Optional.empty();
    }
    String text = s.text();
    for (ProperNames.Name name : ProperNames.all(text, 0, start)) {
      String gap = text.substring(name.end(), start);
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

  /** The first organization within reach after the cue, not the acquirer's own name. */
  private Optional<CompanyMention> targetMention(
      SentenceContext s, int from, Optional<CompanyMention> acquirer) {
    return s.mentions().stream()
        .filter(m -> s.offset(m) >= from && !s.isEpithet(m) && !SentenceContext.isPublicBody(m))
        .filter(m -> !possessive(s, m)) // "Figma's rival Frame.io": the one owned is bought
        .filter(m -> !goodsOf(s, m)) // "buy more Nvidia GPUs": goods, not the company
        .filter(m -> acquirer.isEmpty() || !sameName(m, acquirer.get()))
        .findFirst()
        .filter(m -> s.offset(m) - from <= 60);
  }

  /**
   * The first capitalized name within reach after the buying word, in the same clause: not past a
   * comma ("for an Israeli AI startup, and Daimler Trucks picked up ...").
   */
  private static Optional<String> nameAfter(SentenceContext s, int end, int reach) {
    String text = s.text();
    return ProperNames.all(text, end, end + reach).stream()
        .findFirst()
        .filter(n -> text.substring(end, n.start()).indexOf(',') < 0)
        .filter(n -> text.substring(end, n.start()).indexOf(';') < 0)
        .map(ProperNames.Name::text);
  }

  /** Whether the mention names the maker of goods bought ("Nvidia GPUs", "Intel stock"). */
  private boolean goodsOf(SentenceContext s, CompanyMention m) {
    int end = m.end() - s.sentence().start();
    return s.findIn(goodsAfter, end, Math.min(s.lower().length(), end + 40));
  }

  /**
   * Whether two mentions name the same organization the same way: "Facebook bought WhatsApp" names
   * two companies even where the knowledge base files WhatsApp under Meta.
   */
  private static boolean sameName(CompanyMention m, CompanyMention acquirer) {
    return m.company().equals(acquirer.company())
        && (m.surface().regionMatches(true, 0, acquirer.surface(), 0, acquirer.surface().length())
            || acquirer.surface().regionMatches(true, 0, m.surface(), 0, m.surface().length())
            || m.surface().equalsIgnoreCase(m.company()));
  }

  /**
   * The target's name: its canonical name, or the words that named it when the knowledge base files
   * it under the acquirer (a unit bought by its parent-to-be: "WhatsApp", "DeepMind").
   */
  private static String targetName(CompanyMention t, Optional<CompanyMention> acquirer) {
    return acquirer.isPresent() && t.company().equals(acquirer.get().company())
        ? t.surface()
        : t.company();
  }
}
