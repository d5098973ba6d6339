package dev.bellwether.core.tagging;

import dev.bellwether.core.org.OrganizationFinder;
import dev.bellwether.core.text.Regex;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * One sentence as the event cues see it: its text, lower-cased text, company mentions, money, and
 * the mentions carried over from the previous sentence when this one continues it ("It", "The
 * company").
 *
 * <p>The money in the sentence is parsed on first use (most sentences are never asked), and {@link
 * #has} remembers its answer per pattern, since several cues ask the same question of one sentence.
 */
final class SentenceContext {
  /** How far before a name "led by", "backers include" and the like are looked for. */
  private static final int INVESTOR_REACH = 80;

  private final StatusCues cues;
  private final int triggers;
  private final long words;
  private final Sentence sentence;
  private final String lower;
  private final List<CompanyMention> mentions;
  private final List<CompanyMention> carried;
  private List<Money> money;
  private List<CompanyMention> anchors;
  private Map<Regex, Boolean> answers;
  private String plain;
  private Map<Regex, Boolean> plainAnswers;

  SentenceContext(
      StatusCues cues,
      int triggers,
      long words,
      Sentence sentence,
      String lower,
      List<CompanyMention> mentions,
      List<CompanyMention> carried,
      List<Money> money) {
    this.cues = cues;
    this.triggers = triggers;
    this.words = words;
    this.sentence = sentence;
    this.lower = lower;
    this.mentions = List.copyOf(mentions);
    this.carried = List.copyOf(carried);
    this.money = money == null ? null : List.copyOf(money);
  }

  /**
   * @param types the event types the sentence is read for ({@link CueBook#flag}s)
   * @param words the flags the sentence's words raised ({@link CueBook#triggerFlags})
   */
  static SentenceContext of(
      StatusCues cues,
      int types,
      long words,
      Sentence s,
      String lower,
      List<CompanyMention> inSentence,
      List<CompanyMention> carried) {
    return new SentenceContext(
        cues, types, words, s, lower, inSentence, carried, /* parsed on first use */ null);
  }

  /** A sentence read for every event type (tests). */
  static SentenceContext of(
      StatusCues cues, Sentence s, List<CompanyMention> inSentence, List<CompanyMention> carried) {
    return of(cues, -1, -1L, s, s.text().toLowerCase(Locale.ROOT), inSentence, carried);
  }

  /** Whether one of the type's trigger words occurs in the sentence. */
  boolean triggers(EventType type) {
    return (triggers & CueBook.flag(type)) != 0;
  }

  boolean isNegated() {
    return cues.isNegated(this);
  }

  boolean isHypothetical(int cueStart) {
    return cues.isHypothetical(this, cueStart);
  }

  EventStatus status() {
    return cues.statusOf(this, -1);
  }

  /** The status of an event whose cue starts at {@code cueAt} of the sentence (-1: unknown). */
  EventStatus status(int cueAt) {
    return cues.statusOf(this, cueAt);
  }

  Sentence sentence() {
    return sentence;
  }

  /** The sentence lower-cased ({@link Locale#ROOT}). */
  String lower() {
    return lower;
  }

  List<CompanyMention> mentions() {
    return mentions;
  }

  List<CompanyMention> carried() {
    return carried;
  }

  /** The amounts of money in the sentence, parsed on first use. */
  List<Money> money() {
    if (money == null) {
      money = List.copyOf(cues.money.parse(sentence.text()));
    }
    return money;
  }

  String text() {
    return sentence.text();
  }

  /**
   * The companies the sentence is about: its own mentions, after the subject carried over from the
   * previous sentence when this one continues it ("It", "The company").
   */
  List<CompanyMention> anchors() {
    if (carried.isEmpty()) {
      return mentions;
    }
    if (mentions.isEmpty()) {
      return carried;
    }
    if (anchors == null) {
      List<CompanyMention> a = new ArrayList<>(mentions.size() + 1);
      a.add(carried.get(0));
      mentions.stream().filter(m -> !m.company().equals(carried.get(0).company())).forEach(a::add);
      anchors = List.copyOf(a);
    }
    return anchors;
  }

  boolean hasAnchor() {
    return !anchors().isEmpty();
  }

  /** Offset of a mention within the sentence (carried mentions count as before the sentence). */
  int offset(CompanyMention m) {
    return mentions.contains(m) ? m.start() - sentence.start() : -1;
  }

  /**
   * Whether the mention is only an epithet here, as "Microsoft" in "Microsoft-backed OpenAI", or a
   * person's former employer, as "OpenAI" in "former OpenAI CTO Mira Murati": no party to the
   * event.
   */
  boolean isEpithet(CompanyMention m) {
    int at = offset(m);
    int end = at < 0 ? -1 : m.end() - sentence.start();
    // a region with anchoring bounds matches as the substring from end would, without copying it
    return end >= 0
        && (cues.epithet.in(text(), end, text().length()) || cues.isFormerEmployer(lower, at, end));
  }

  /** Whether the mention is named as an investor ("led by X", "backers include X"). */
  boolean isInvestor(CompanyMention m) {
    int at = offset(m);
    return at >= 0 && cues.investorBefore.in(lower, Math.max(0, at - INVESTOR_REACH), at);
  }

  /**
   * Whether the pattern occurs in {@code lower()[from, to)}. The region's bounds are opaque and
   * anchoring, so this answers as the pattern on that substring would, without copying it.
   */
  boolean findIn(Regex p, int from, int to) {
    return p.in(lower, from, to);
  }

  /**
   * How far before a name the patterns read "before a name" look (led-round, selects): their
   * matches are far shorter.
   */
  static final int BEFORE_REACH = 160;

  Optional<Matcher> find(Regex p) {
    return p.first(lower);
  }

  /** Whether the pattern's own trigger words (if it has any) allow it in this sentence. */
  boolean mayMatch(Regex p) {
    return cues.mayMatch(p, words);
  }

  /** Whether the pattern occurs in the lower-cased sentence; answered once per pattern. */
  boolean has(Regex p) {
    if (answers == null) {
      answers = new IdentityHashMap<>();
    }
    Boolean known = answers.get(p);
    if (known == null) {
      known = cues.mayMatch(p, words) && p.in(lower);
      answers.put(p, known);
    }
    return known;
  }

  /**
   * Whether the pattern occurs in the lower-cased sentence once the dots of the abbreviations the
   * second pattern finds ("u.s.") are read as letters; answered once per pattern.
   */
  boolean has(Regex p, Regex abbreviations) {
    if (!cues.mayMatch(p, words)) {
      return false;
    }
    if (plain == null) {
      plain = abbreviations.replaceAll(lower, m -> m.group().replace('.', '_'));
      plainAnswers = new IdentityHashMap<>();
    }
    Boolean known = plainAnswers.get(p);
    if (known == null) {
      known = p.in(plain);
      plainAnswers.put(p, known);
    }
    return known;
  }

  /** The first anchor, not an epithet, that starts at or after a sentence offset. */
  Optional<CompanyMention> firstAfter(int at) {
    return mentions.stream()
        .filter(m -> offset(m) >= at && !isEpithet(m) && !isPublicBody(m))
        .findFirst();
  }

  /**
   * Whether the mention names a public body or a news outlet ("the Justice Department", "Reuters"):
   * never the company that raises, buys or is bought.
   */
  static boolean isPublicBody(CompanyMention m) {
    return OrganizationFinder.isPublicBodyOrMedia(m.company());
  }

  /** The first anchor, not an epithet or an investor, that starts before a sentence offset. */
  Optional<CompanyMention> subjectBefore(int at) {
    return anchors().stream()
        .filter(m -> offset(m) < at && !isEpithet(m) && !isInvestor(m) && !isPublicBody(m))
        .findFirst();
  }

  @Override
  public String toString() {
    return "SentenceContext[" + sentence + "]";
  }
}
