package dev.bellwether.core.tagging;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads amounts of money with exact arithmetic: a currency sign or code before the number ("$6.6
 * billion", "US$6.6bn", "USD 6.6 billion", "€2 billion", "EUR 2bn", "£500m", "¥10 billion", "₹1,200
 * crore", "Rs 50 lakh", "RMB 5 billion", "₩3 trillion") or a currency word or code after it ("6.6
 * billion dollars", "10 billion yen", "5 billion yuan", "1.2 trillion won", "2 billion EUR").
 * Scales: thousand/k, million/mn/mln/m, billion/bn/bln/b, trillion/tn/t, lakh (10^5), crore (10^7),
 * lakh crore (10^12). A lower bound ("over $10 billion", "north of $4 billion") gives the stated
 * figure. Ranges ("$8–10 billion", "$8bn-$10bn", "$8 billion to $10 billion", "between $8 billion
 * and $10 billion") are left out, since no single figure is stated.
 */
final class MoneyParser {
  private static final String NUM =
      "(?<num>\\d{1,3}(?:,\\d{2,3})*,\\d{3}(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?![\\d,.]\\d)";
  private static final String SCALE =
      "(?:[\\s-]?(?<word>lakh crore|lakh|lakhs|crores?|trillion|billion|million|thousand|tn|bln|bn|mln|mn)"
          + "|(?<letter>[bmktBMKT]))(?![a-zA-Z])";

  /** The words of one currency: what may stand before an amount, and what may follow it. */
  record Words(List<String> before, List<String> after) {
    Words {
      before = List.copyOf(before);
      after = List.copyOf(after);
    }
  }

  private final Pattern money;
  // the same pattern with a sign or code that never matches, for positions at a digit, where no
  // sign or code can begin: it spares trying each of them there, and has the same groups
  private final @Nullable Pattern moneyAtDigit;
  // a sign or code and its space stand at most this many characters before the first digit
  private final int prefixReach;
  // the signs and codes by their first character, lower-cased where it is an ASCII letter, and
  // those that begin outside ASCII: where none is, the pattern can only begin at a digit
  private final String[][] beforeByFirst = new String[128][];
  private final String[] beforeOther;
  private final Map<String, String> codeBefore = new HashMap<>();
  private final Map<String, String> codeAfter = new HashMap<>();

  /**
   * @param currencies per ISO code, the signs and codes written before amounts ("US$", "€", "Rs")
   *     and the words after them ("dollars", "pounds sterling", "yuan"); three capital letters
   *     match only in capitals, a sign or code that starts with a letter only after a non-letter
   */
  MoneyParser(Map<String, Words> currencies) {
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    currencies.forEach(
        (code, words) -> {
          words.before().forEach(w -> codeBefore.put(beforeKey(w), code));
          words.after().forEach(w -> codeAfter.put(afterKey(w), code));
          before.addAll(words.before());
          after.addAll(words.after());
        });
    this.prefixReach = before.stream().mapToInt(String::length).max().orElse(0) + 1;
    List<String> other = new ArrayList<>();
    for (String w : new LinkedHashSet<>(before)) {
      if (w.isEmpty()) {
        continue;
      }
      char c = w.charAt(0);
      if (c < beforeByFirst.length) {
        int k = Character.toLowerCase(c);
        String[] bucket = beforeByFirst[k] == null ? new String[0] : beforeByFirst[k];
        bucket = Arrays.copyOf(bucket, bucket.length + 1);
        bucket[bucket.length - 1] = w;
        beforeByFirst[k] = bucket;
      } else {
        other.add(w);
      }
    }
    this.beforeOther = other.toArray(new String[0]);
    String pre = "(?<pre>" + alternation(before, true) + ")";
    String post = "\\s(?<post>" + alternation(after, false) + ")(?![a-zA-Z])";
    this.money =
        Pattern.compile(
            "(?:" + pre + ")?" + NUM + "(?:" + SCALE + ")?(?:" + post + ")?",
            Pattern.CASE_INSENSITIVE);
    boolean digitFirst = false;
    for (char c = '0'; c <= '9'; c++) {
      digitFirst |= mayBeginBefore(before, c);
    }
    this.moneyAtDigit =
        digitFirst
            ? null
            : Pattern.compile(
                "(?:(?<pre>(?!x)x))?" + NUM + "(?:" + SCALE + ")?(?:" + post + ")?",
                Pattern.CASE_INSENSITIVE);
  }

  /** Whether a sign or code begins with {@code c} (in either ASCII case). */
  private static boolean mayBeginBefore(List<String> before, char c) {
    for (String w : before) {
      if (!w.isEmpty()
          && (w.charAt(0) == c
              || Character.toLowerCase(w.charAt(0)) == Character.toLowerCase(c)
              || Character.toUpperCase(w.charAt(0)) == Character.toUpperCase(c))) {
        return true;
      }
    }
    return false;
  }

  /** The parser over the built-in cues' currencies. */
  static MoneyParser builtIn() {
    return CueBook.builtIn().money();
  }

  /**
   * The words as one alternation, longest first (so "US dollars" is preferred to "dollars" where
   * both would do). Before the amount, a word that starts with a letter needs a non-letter before
   * it, and one that ends with a letter or a dot may be followed by a space.
   */
  private static String alternation(List<String> words, boolean beforeAmount) {
    List<String> sorted = new ArrayList<>(new LinkedHashSet<>(words));
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    List<String> parts = new ArrayList<>();
    for (String w : sorted) {
      String q = Pattern.quote(w);
      if (w.matches("[A-Z]{3}")) {
        q = "(?-i:" + q + ")";
      }
      if (beforeAmount && Character.isLetter(w.charAt(0))) {
        q = "(?<![A-Za-z])" + q;
      }
      char last = w.charAt(w.length() - 1);
      if (beforeAmount && (Character.isLetter(last) || last == '.')) {
        q = q + "\\s?";
      }
      parts.add(q);
    }
    return String.join("|", parts);
  }

  private static String beforeKey(String w) {
    return w.trim().toUpperCase(Locale.ROOT).replace(".", "");
  }

  private static String afterKey(String w) {
    return w.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  /** What may stand between the two ends of a range. */
  private static final Pattern RANGE_GAP = Pattern.compile("^\\s*(?:[–—-]|to|and)\\s*$");

  private static final Pattern BETWEEN_BEFORE = Pattern.compile("\\bbetween\\s$");
  private static final Pattern FROM_BEFORE = Pattern.compile("\\bfrom\\s$");

  /** One number read from the text, with or without a currency. */
  private record Hit(String currency, BigDecimal amount, boolean scaled, int start, int end) {}

  /** The pattern of amounts (the search's test reads it). */
  Pattern pattern() {
    return money;
  }

  /** The pattern tried at a digit by {@link #find}: the whole pattern when there is no variant. */
  Pattern patternAtDigit() {
    return moneyAtDigit == null ? money : moneyAtDigit;
  }

  List<Money> parse(String sentence) {
    int digit = firstDigit(sentence);
    if (digit < 0) {
      return List.of(); // every amount has a number written in digits
    }
    List<Hit> hits = new ArrayList<>();
    Matcher any = money.matcher(sentence).useTransparentBounds(true).useAnchoringBounds(false);
    Matcher atDigit =
        moneyAtDigit == null
            ? any
            : moneyAtDigit.matcher(sentence).useTransparentBounds(true).useAnchoringBounds(false);
    for (Matcher m = find(any, atDigit, sentence, 0);
        m != null;
        m = find(any, atDigit, sentence, m.end())) {
      String currency = currency(m.group("pre"), m.group("post"));
      String scale = m.group("word") != null ? m.group("word") : m.group("letter");
      BigDecimal number = new BigDecimal(m.group("num").replace(",", ""));
      boolean won =
          m.group("post") != null && m.group("post").toLowerCase(Locale.ROOT).endsWith("won");
      if (won && scale == null && m.group("pre") == null) {
        currency = null; // "3 won" alone is more often the verb than the currency
      }
      hits.add(new Hit(currency, number.multiply(scale(scale)), scale != null, m.start(), m.end()));
    }
    String lower = sentence.toLowerCase(Locale.ROOT);
    List<Money> found = new ArrayList<>();
    for (int i = 0; i < hits.size(); i++) {
      Hit h = hits.get(i);
      if (h.currency() != null && !inRange(lower, hits, i)) {
        found.add(new Money(h.currency(), h.amount(), h.start(), h.end()));
      }
    }
    return found;
  }

  /**
   * Finds the next amount that begins at or after {@code from}, as {@link Matcher#find} would, but
   * tries the pattern only where a match can begin: every amount has a digit at most {@link
   * #prefixReach} characters after its start (its sign or code comes first), so only positions that
   * close before a digit are tried, each with {@link Matcher#lookingAt} over a region whose bounds
   * are transparent and not anchoring (as find reads the text there), and of those only the ones
   * that hold a digit or a sign or code ({@link #signOrCodeAt}). At a digit {@code digitMatcher} is
   * tried, which matches there as the whole pattern does. The matcher that found it, or null.
   */
  @Nullable Matcher find(Matcher any, Matcher digitMatcher, String s, int from) {
    int digit = firstDigit(s, from);
    for (int p = from; digit >= 0; ) {
      p = Math.max(p, digit - prefixReach);
      if (p > digit) {
        digit = firstDigit(s, p);
        continue;
      }
      char c = s.charAt(p);
      boolean atDigit = c >= '0' && c <= '9';
      if (!atDigit && !signOrCodeAt(s, p, c)) {
        p++; // neither a number nor a sign or code can begin here
        continue;
      }
      Matcher m = atDigit ? digitMatcher : any;
      m.region(p, s.length());
      if (m.lookingAt()) {
        return m;
      }
      p++;
    }
    return null;
  }

  /**
   * Whether a sign or code the pattern reads before amounts is at {@code s[p]} ({@code c}), in
   * either case: {@link String#regionMatches} ignoring case accepts all that the pattern's ASCII
   * case folding accepts, and more, which only costs a try.
   */
  private boolean signOrCodeAt(String s, int p, char c) {
    String[] bucket = c < beforeByFirst.length ? beforeByFirst[lowerAscii(c)] : beforeOther;
    if (bucket == null) {
      return false;
    }
    for (String w : bucket) {
      if (p + w.length() <= s.length() && s.regionMatches(true, p, w, 0, w.length())) {
        return true;
      }
    }
    return false;
  }

  private static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static int firstDigit(String s) {
    return firstDigit(s, 0);
  }

  private static int firstDigit(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        return i;
      }
    }
    return -1;
  }

  /** Whether the hit is one end of a range, or the start of "from X to Y". */
  private static boolean inRange(String lower, List<Hit> hits, int i) {
    Hit h = hits.get(i);
    if (before(lower, h, BETWEEN_BEFORE) || before(lower, h, FROM_BEFORE)) {
      return true;
    }
    if (i + 1 < hits.size() && joined(lower, h, hits.get(i + 1))) {
      return true;
    }
    return i > 0 && joined(lower, hits.get(i - 1), h);
  }

  /** Whether two hits are the two ends of one range ("$8–10 billion", "$8bn to $10bn"). */
  private static boolean joined(String lower, Hit first, Hit second) {
    String gap = lower.substring(first.end(), second.start());
    if (!RANGE_GAP.matcher(gap).find()) {
      return false;
    }
    boolean moneyLike = second.currency() != null || second.scaled() || !first.scaled();
    if (!moneyLike) {
      return false;
    }
    String sep = gap.trim();
    if (sep.equals("and")) {
      return before(lower, first, BETWEEN_BEFORE);
    }
    if (sep.equals("to")) {
      return !before(lower, first, FROM_BEFORE);
    }
    return true;
  }

  private static boolean before(String lower, Hit h, Pattern p) {
    return p.matcher(lower.substring(Math.max(0, h.start() - 12), h.start())).find();
  }

  /** The ISO code of the sign or code before the amount, else of the word after it. */
  private @Nullable String currency(@Nullable String pre, @Nullable String post) {
    if (pre != null && !pre.isBlank()) {
      return codeBefore.get(beforeKey(pre));
    }
    return post == null || post.isBlank() ? null : codeAfter.get(afterKey(post));
  }

  private static BigDecimal scale(String scale) {
    if (scale == null) {
      return BigDecimal.ONE;
    }
    return switch (scale.toLowerCase(Locale.ROOT)) {
      case "trillion", "tn", "t" -> new BigDecimal("1e12");
      case "billion", "bn", "bln", "b" -> new BigDecimal("1e9");
      case "million", "mn", "mln", "m" -> new BigDecimal("1e6");
      case "lakh crore" -> new BigDecimal("1e12");
      case "crore", "crores" -> new BigDecimal("1e7");
      case "lakh", "lakhs" -> new BigDecimal("1e5");
      default -> new BigDecimal("1e3");
    };
  }
}
