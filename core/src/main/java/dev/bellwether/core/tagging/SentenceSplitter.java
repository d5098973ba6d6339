package dev.bellwether.core.tagging;

import java.util.Locale;
import java.util.Set;

/**
 * Splits news text into sentences: at {@code . ! ?} (and closing quotes) followed by white space
 * and a capital, digit or quote, but not after common abbreviations ("Inc.", "U.S.", "Corp."). Line
 * breaks always end a sentence. The abbreviations are the {@code abbreviations} word list of the
 * {@link CueBook}.
 *
 * <p>The candidates are found with {@link String#indexOf(int, int)}, one search per mark, which the
 * JVM runs with vector instructions many characters at a time; only they are looked at closely.
 */
final class SentenceSplitter {

  /** The characters that may end a sentence. */
  private static final String MARKS = "\n.!?";

  private final Set<String> abbreviations;
  private final int longestAbbreviation;

  /**
   * @param abbreviations lower-case words that a period does not end a sentence after, without
   *     their last period ("inc", "u.s")
   */
  SentenceSplitter(Set<String> abbreviations) {
    this.abbreviations = Set.copyOf(abbreviations);
    this.longestAbbreviation = abbreviations.stream().mapToInt(String::length).max().orElse(0);
  }

  Sentences split(String text) {
    Sentences sentences = new Sentences(text);
    int[] next = new int[MARKS.length()]; // per mark, where it next occurs
    for (int m = 0; m < next.length; m++) {
      next[m] = find(text, m, 0);
    }
    int start = 0;
    for (int i = first(next); i < text.length(); i = first(next)) {
      if (endsSentenceAt(text, i)) {
        add(sentences, text, start, i + 1);
        start = i + 1;
      }
      for (int m = 0; m < next.length; m++) {
        if (next[m] == i) {
          next[m] = find(text, m, i + 1);
        }
      }
    }
    add(sentences, text, start, text.length());
    return sentences;
  }

  /** Where mark {@code m} next occurs from {@code from} on, or the text's length. */
  private static int find(String text, int m, int from) {
    int at = text.indexOf(MARKS.charAt(m), from);
    return at < 0 ? text.length() : at;
  }

  private static int first(int[] next) {
    int min = next[0];
    for (int m = 1; m < next.length; m++) {
      min = Math.min(min, next[m]);
    }
    return min;
  }

  private boolean endsSentenceAt(String text, int i) {
    char c = text.charAt(i);
    if (c == '\n') {
      return true;
    }
    int next = i + 1;
    while (next < text.length() && "\"”’')".indexOf(text.charAt(next)) >= 0) {
      next++;
    }
    if (next >= text.length() || !Character.isWhitespace(text.charAt(next))) {
      return false;
    }
    int after = next;
    while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
      after++;
    }
    boolean opens = after < text.length() && startsSentence(text.charAt(after));
    return opens && (c != '.' || !isAbbreviation(text, i));
  }

  private static boolean startsSentence(char c) {
    return Character.isUpperCase(c) || Character.isDigit(c) || "\"“‘'(".indexOf(c) >= 0;
  }

  private boolean isAbbreviation(String text, int dot) {
    int wordStart = dot;
    while (wordStart > 0
        && (Character.isLetter(text.charAt(wordStart - 1)) || text.charAt(wordStart - 1) == '.')) {
      wordStart--;
    }
    if (dot - wordStart > longestAbbreviation) {
      return false; // lower case is never shorter: too long for any abbreviation
    }
    String word = text.substring(wordStart, dot).toLowerCase(Locale.ROOT);
    return abbreviations.contains(word)
        || (word.length() == 1 && Character.isLetter(word.charAt(0)));
  }

  private static void add(Sentences out, String text, int start, int end) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(start, end);
    }
  }
}
