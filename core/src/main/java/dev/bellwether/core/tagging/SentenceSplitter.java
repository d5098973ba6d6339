package dev.bellwether.core.tagging;

import java.util.Locale;
import java.util.Set;

/**
 * Splits news text into sentences: at {@code . ! ?} (and closing quotes) followed by white space
 * and a capital, digit or quote, but not after common abbreviations ("Inc.", "U.S.", "Corp."). Line
 * breaks always end a sentence.
 *
 * <p>The text is read from a copy in a {@code char[]}: the loop visits every character, and array
 * reads are cheaper than {@link String#charAt} on text that is not all Latin-1.
 */
final class SentenceSplitter {
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "inc", "corp", "co", "ltd", "plc", "llc", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs",
          "no", "u.s", "u.k", "e.g", "i.e", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct",
          "nov", "dec", "gov", "sen", "rep", "prof", "r.r", "u.n", "e.u");

  // the characters below 64 that may end a sentence, as bits
  private static final long ENDINGS = 1L << '\n' | 1L << '.' | 1L << '!' | 1L << '?';

  private SentenceSplitter() {}

  static Sentences split(String text) {
    char[] chars = text.toCharArray();
    Sentences sentences = new Sentences(text);
    int start = 0;
    for (int i = 0; i < chars.length; i++) {
      if (mayEndSentence(chars[i]) && endsSentenceAt(chars, i)) {
        add(sentences, chars, start, i + 1);
        start = i + 1;
      }
    }
    add(sentences, chars, start, chars.length);
    return sentences;
  }

  /** Whether {@code c} is a line break or one of {@code . ! ?}, by a bit mask of the four. */
  private static boolean mayEndSentence(char c) {
    return c < 64 && (ENDINGS >>> c & 1) != 0;
  }

  private static boolean endsSentenceAt(char[] text, int i) {
    char c = text[i];
    if (c == '\n') {
      return true;
    }
    if (c != '.' && c != '!' && c != '?') {
      return false;
    }
    int next = i + 1;
    while (next < text.length && "\"”’')".indexOf(text[next]) >= 0) {
      next++;
    }
    if (next >= text.length || !Character.isWhitespace(text[next])) {
      return false;
    }
    int after = next;
    while (after < text.length && Character.isWhitespace(text[after])) {
      after++;
    }
    boolean opens = after < text.length && startsSentence(text[after]);
    return opens && (c != '.' || !isAbbreviation(text, i));
  }

  private static boolean startsSentence(char c) {
    return Character.isUpperCase(c) || Character.isDigit(c) || "\"“‘'(".indexOf(c) >= 0;
  }

  private static boolean isAbbreviation(char[] text, int dot) {
    int wordStart = dot;
    while (wordStart > 0
        && (Character.isLetter(text[wordStart - 1]) || text[wordStart - 1] == '.')) {
      wordStart--;
    }
    String word = new String(text, wordStart, dot - wordStart).toLowerCase(Locale.ROOT);
    return ABBREVIATIONS.contains(word)
        || (word.length() == 1 && Character.isLetter(word.charAt(0)));
  }

  private static void add(Sentences out, char[] text, int start, int end) {
    while (start < end && Character.isWhitespace(text[start])) {
      start++;
    }
    while (end > start && Character.isWhitespace(text[end - 1])) {
      end--;
    }
    if (end > start) {
      out.add(start, end);
    }
  }
}
