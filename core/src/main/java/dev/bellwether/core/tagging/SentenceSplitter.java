package dev.bellwether.core.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits news text into sentences: at {@code . ! ?} (and closing quotes) followed by white space
 * and a capital, digit or quote, but not after common abbreviations ("Inc.", "U.S.", "Corp."). Line
 * breaks always end a sentence.
 */
final class SentenceSplitter {
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "inc", "corp", "co", "ltd", "plc", "llc", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs",
          "no", "u.s", "u.k", "e.g", "i.e", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct",
          "nov", "dec", "gov", "sen", "rep", "prof", "r.r", "u.n", "e.u");

  private SentenceSplitter() {}

  static List<Sentence> split(String text) {
    List<Sentence> sentences = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      // letters and most punctuation sort after '?': one comparison rules them out
      if (text.charAt(i) <= '?' && endsSentenceAt(text, i)) {
        add(sentences, text, start, i + 1);
        start = i + 1;
      }
    }
    add(sentences, text, start, text.length());
    return sentences;
  }

  private static boolean endsSentenceAt(String text, int i) {
    char c = text.charAt(i);
    if (c == '\n') {
      return true;
    }
    if (c != '.' && c != '!' && c != '?') {
      return false;
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

  private static boolean isAbbreviation(String text, int dot) {
    int wordStart = dot;
    while (wordStart > 0
        && (Character.isLetter(text.charAt(wordStart - 1)) || text.charAt(wordStart - 1) == '.')) {
      wordStart--;
    }
    String word = text.substring(wordStart, dot).toLowerCase(java.util.Locale.ROOT);
    return ABBREVIATIONS.contains(word)
        || (word.length() == 1 && Character.isLetter(word.charAt(0)));
  }

  private static void add(List<Sentence> out, String text, int start, int end) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new Sentence(text.substring(start, end), start, end));
    }
  }
}
