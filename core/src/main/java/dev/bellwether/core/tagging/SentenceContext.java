package dev.bellwether.core.tagging;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sentence as the event cues see it: its text, lower-cased text, company mentions, money, and
 * the mentions carried over from the previous sentence when this one continues it ("It", "The
 * company").
 *
 * <p>The money in the sentence is parsed on first use (most sentences are never asked), and {@link
 * #has} remembers its answer per pattern, since several cues ask the same question of one sentence.
 */
final class SentenceContext {
  private static final Pattern EPITHET = Pattern.compile("^(?:['’]s)?-(?:backed|owned|funded)");
  private static final Pattern INVESTOR_BEFORE =
      Pattern.compile(
          "(?:led by|from|backers?|investors?|including|include[sd]?|such as|along with|as is"
              + "|joined by|backed by)[^.;]{0,40}$");

  private final Sentence sentence;
  private final String lower;
  private final List<CompanyMention> mentions;
  private final List<CompanyMention> carried;
  private List<Money> money;
  private Map<Pattern, Boolean> answers;

  SentenceContext(
      Sentence sentence,
      String lower,
      List<CompanyMention> mentions,
      List<CompanyMention> carried,
      List<Money> money) {
    this.sentence = sentence;
    this.lower = lower;
    this.mentions = List.copyOf(mentions);
    this.carried = List.copyOf(carried);
    this.money = money == null ? null : List.copyOf(money);
  }

  static SentenceContext of(
      Sentence s, List<CompanyMention> inSentence, List<CompanyMention> carried) {
    return new SentenceContext(
        s, s.text().toLowerCase(Locale.ROOT), inSentence, carried, /* parsed on first use */ null);
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
      money = List.copyOf(MoneyParser.parse(sentence.text()));
    }
    return money;
  }

  String text() {
    return sentence.text();
  }

  /** The companies the sentence is about: its own mentions, else those carried over. */
  List<CompanyMention> anchors() {
    return mentions.isEmpty() ? carried : mentions;
  }

  boolean hasAnchor() {
    return !anchors().isEmpty();
  }

  /** Offset of a mention within the sentence (carried mentions count as before the sentence). */
  int offset(CompanyMention m) {
    return mentions.contains(m) ? m.start() - sentence.start() : -1;
  }

  /** Whether the mention is only an epithet here, as "Microsoft" in "Microsoft-backed OpenAI". */
  boolean isEpithet(CompanyMention m) {
    int end = offset(m) < 0 ? -1 : m.end() - sentence.start();
    // a region with anchoring bounds matches as the substring from end would, without copying it
    return end >= 0 && EPITHET.matcher(text()).region(end, text().length()).find();
  }

  /** Whether the mention is named as an investor ("led by X", "backers include X"). */
  boolean isInvestor(CompanyMention m) {
    int at = offset(m);
    return at >= 0 && INVESTOR_BEFORE.matcher(lower).region(0, at).find();
  }

  Optional<Matcher> find(Pattern p) {
    Matcher m = p.matcher(lower);
    return m.find() ? Optional.of(m) : Optional.empty();
  }

  /** Whether the pattern occurs in the lower-cased sentence; answered once per pattern. */
  boolean has(Pattern p) {
    if (answers == null) {
      answers = new IdentityHashMap<>();
    }
    Boolean known = answers.get(p);
    if (known == null) {
      known = p.matcher(lower).find();
      answers.put(p, known);
    }
    return known;
  }

  /** The first anchor, not an epithet, that starts at or after a sentence offset. */
  Optional<CompanyMention> firstAfter(int at) {
    return mentions.stream().filter(m -> offset(m) >= at && !isEpithet(m)).findFirst();
  }

  /** The first anchor, not an epithet or an investor, that starts before a sentence offset. */
  Optional<CompanyMention> subjectBefore(int at) {
    return anchors().stream()
        .filter(m -> offset(m) < at && !isEpithet(m) && !isInvestor(m))
        .findFirst();
  }

  @Override
  public String toString() {
    return "SentenceContext[" + sentence + "]";
  }
}
