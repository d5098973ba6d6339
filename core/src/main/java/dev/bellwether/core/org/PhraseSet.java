package dev.bellwether.core.org;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names of one or more words ("Tel Aviv", "Goldman Sachs") found at a word of a text, longest
 * first. Phrases are filed by their first word, so a word that begins none costs one lookup.
 */
final class PhraseSet {
  private final Set<String> phrases = new HashSet<>();
  // per first word, the most words of a phrase beginning with it
  private final Map<String, Integer> longestByFirst = new HashMap<>();

  PhraseSet(Iterable<String> entries) {
    for (String entry : entries) {
      add(entry);
    }
  }

  private void add(String entry) {
    String phrase = String.join(" ", entry.trim().split("\\s+"));
    if (phrase.endsWith("'s") || phrase.endsWith("’s")) {
      phrase = phrase.substring(0, phrase.length() - 2); // words are read without possessives
    }
    if (phrase.isEmpty()) {
      return;
    }
    phrases.add(phrase);
    String[] words = phrase.split(" ");
    longestByFirst.merge(words[0], words.length, Math::max);
  }

  boolean contains(String phrase) {
    return phrases.contains(phrase);
  }

  /**
   * How many words of the longest phrase that starts at {@code tokens[from]} and ends before {@code
   * to}; 0 when none does. The words must be joined by spaces only.
   */
  int longestAt(List<Token> tokens, int from, int to) {
    Integer most = longestByFirst.get(tokens.get(from).text());
    if (most == null) {
      return 0;
    }
    int last = Math.min(to, from + most);
    for (int k = from + 1; k < last; k++) {
      if (!tokens.get(k).joinsPrevious() || !tokens.get(k - 1).openEnded()) {
        last = k;
        break;
      }
    }
    for (int end = last; end > from; end--) {
      if (phrases.contains(words(tokens, from, end))) {
        return end - from;
      }
    }
    return 0;
  }

  /** The words {@code tokens[from, to)} joined by single spaces. */
  static String words(List<Token> tokens, int from, int to) {
    if (to - from == 1) {
      return tokens.get(from).text();
    }
    StringBuilder sb = new StringBuilder(tokens.get(from).text());
    for (int k = from + 1; k < to; k++) {
      sb.append(' ').append(tokens.get(k).text());
    }
    return sb.toString();
  }
}
