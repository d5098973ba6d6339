package dev.bellwether.core.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The salient terms of an article's start: the capitalized words of its title and lead (names of
 * firms, people, places, products), lower-cased, without the words any sentence may start with. Two
 * outlets retelling one event name the same firms, founders, products and places however else they
 * word it, while two events of one company share little beyond the company's name; so the overlap
 * of these sets tells retellings from look-alikes where shingles (which need the same wording)
 * cannot.
 *
 * <p>Only the first {@value #READ} characters of the text are read and at most {@value #KEPT} terms
 * kept (the earliest), so the cost and the size are bounded whatever the article's length.
 */
public final class Terms {
  /** Characters of the text read: the title and lead carry the story's names. */
  static final int READ = 1200;

  /** Terms kept at most. */
  static final int KEPT = 40;

  /**
   * Words that start sentences or name times and generic things: capitalized without naming the
   * story. Lower-case; months, weekdays and news-generic titles included.
   */
  private static final Set<String> COMMON =
      Set.of(
          "a",
          "an",
          "the",
          "this",
          "that",
          "these",
          "those",
          "it",
          "its",
          "it's",
          "he",
          "she",
          "they",
          "we",
          "our",
          "us",
          "you",
          "i",
          "his",
          "her",
          "their",
          "in",
          "on",
          "at",
          "for",
          "of",
          "to",
          "by",
          "with",
          "from",
          "as",
          "and",
          "but",
          "or",
          "if",
          "while",
          "after",
          "before",
          "since",
          "when",
          "where",
          "which",
          "who",
          "what",
          "why",
          "how",
          "under",
          "over",
          "about",
          "into",
          "not",
          "no",
          "yes",
          "all",
          "some",
          "many",
          "more",
          "most",
          "other",
          "another",
          "both",
          "each",
          "one",
          "two",
          "three",
          "first",
          "last",
          "new",
          "also",
          "now",
          "then",
          "there",
          "here",
          "today",
          "yesterday",
          "tomorrow",
          "according",
          "however",
          "meanwhile",
          "earlier",
          "later",
          "separately",
          "still",
          "so",
          "such",
          "is",
          "are",
          "was",
          "were",
          "be",
          "been",
          "has",
          "have",
          "had",
          "will",
          "would",
          "could",
          "can",
          "may",
          "might",
          "should",
          "said",
          "says",
          "do",
          "does",
          "did",
          "per",
          "than",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "april",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "jan",
          "feb",
          "mar",
          "apr",
          "jun",
          "jul",
          "aug",
          "sep",
          "sept",
          "oct",
          "nov",
          "dec",
          "ai",
          "ceo",
          "cfo",
          "cto",
          "chief",
          "executive",
          "president",
          "founder",
          "co-founder",
          "inc",
          "corp",
          "co",
          "ltd",
          "llc",
          "plc",
          "group",
          "company",
          "companies",
          "startup",
          "update",
          "exclusive",
          "breaking",
          "news",
          "report",
          "reports",
          "sources",
          "people",
          "mr",
          "ms",
          "dr",
          "series",
          "billion",
          "million",
          "bn",
          "m");

  private Terms() {}

  /**
   * The salient terms of an article: capitalized words (letters, digits and inner {@code & . ' -})
   * of the title and the text's first {@value #READ} characters, lower-cased, sorted, without the
   * {@link #COMMON} ones and without one-letter words.
   */
  public static List<String> of(String title, String text) {
    TreeSet<String> found = new TreeSet<>();
    List<String> inOrder = new ArrayList<>();
    read(title, title.length(), found, inOrder);
    read(text, Math.min(text.length(), READ), found, inOrder);
    return inOrder.size() <= KEPT
        ? List.copyOf(found)
        : List.copyOf(new TreeSet<>(inOrder.subList(0, KEPT)));
  }

  private static void read(String s, int end, Set<String> found, List<String> inOrder) {
    int i = 0;
    while (i < end) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      int start = i;
      while (i < end && (Character.isLetterOrDigit(s.charAt(i)) || inner(s, i, end))) {
        i++;
      }
      if (Character.isUpperCase(c) || hasCapital(s, start, i)) {
        String word = s.substring(start, i).toLowerCase(Locale.ROOT);
        if (word.endsWith("'s") || word.endsWith("’s")) {
          word = word.substring(0, word.length() - 2);
        }
        if (word.length() > 1 && !COMMON.contains(word) && found.add(word)) {
          inOrder.add(word);
        }
      }
    }
  }

  /** Whether a word has a capital after its first letter ("xAI", "iFlytek", "eToro"). */
  private static boolean hasCapital(String s, int start, int end) {
    for (int k = start + 1; k < end; k++) {
      if (Character.isUpperCase(s.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the char at i joins two word characters ("AT&T", "U.S", "O'Brien", "Rolls-Royce",
   * "Run:ai").
   */
  private static boolean inner(String s, int i, int end) {
    char c = s.charAt(i);
    return (c == '&' || c == '.' || c == '\'' || c == '’' || c == '-' || c == ':')
        && i + 1 < end
        && Character.isLetterOrDigit(s.charAt(i + 1));
  }

  /** {@link #overlap(List, List)} of two reports' terms, their weights summed once. */
  static double overlap(Report a, Report b) {
    double total = a.termWeight() + b.termWeight();
    return total <= 0 ? 0 : 2 * sharedWeight(a.terms(), b.terms()) / total;
  }

  /**
   * How much two sorted term lists have in common, each term weighed by how telling it is ({@link
   * TermWeights}): twice the weight of the shared terms over the weight of both lists (a weighted
   * Dice coefficient), 1 for the same names, 0 when either has none. A short headline's two common
   * names, both found in a long article, are not enough to make them one story.
   */
  public static double overlap(List<String> a, List<String> b) {
    TermWeights weights = TermWeights.builtIn();
    double total = 0;
    for (String t : a) {
      total += weights.weight(t);
    }
    for (String t : b) {
      total += weights.weight(t);
    }
    return total <= 0 ? 0 : 2 * sharedWeight(a, b) / total;
  }

  /** The summed weight of the terms two sorted lists share. */
  private static double sharedWeight(List<String> a, List<String> b) {
    TermWeights weights = TermWeights.builtIn();
    double shared = 0;
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      int c = a.get(i).compareTo(b.get(j));
      if (c == 0) {
        shared += weights.weight(a.get(i));
        i++;
        j++;
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    return shared;
  }
}
