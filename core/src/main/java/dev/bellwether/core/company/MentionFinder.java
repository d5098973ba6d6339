package dev.bellwether.core.company;

import dev.bellwether.core.tagging.CompanyMention;
import dev.bellwether.core.text.TrieEdges;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds whole-word mentions of known surfaces in text: longest match wins, no overlaps.
 *
 * <p>The surfaces sit in a trie keyed by their lower-cased characters. The finder visits each word
 * start once and walks the trie along the text from there, so a text costs about one trie step per
 * character of the words that begin like some surface, whatever the size of the knowledge base.
 * Case rules and disambiguation words are checked only for surfaces the walk reaches.
 */
final class MentionFinder {
  /** How far, in characters either side, the disambiguation words are looked for. */
  private static final int NEAR = 120;

  private static final int ROOT_TABLE = TrieEdges.ASCII;

  private final TrieEdges edges = new TrieEdges();
  // the first one and two steps of every walk, by ASCII characters
  private final int[] rootNext;
  private final int[] pairNext;
  // the surfaces whose lower-cased text ends at each node, in knowledge-base order
  private Surface[][] ending = new Surface[64][];

  MentionFinder(List<Surface> surfaces) {
    for (Surface s : surfaces) {
      add(s);
    }
    rootNext = edges.firstStep();
    pairNext = edges.firstTwoSteps();
  }

  List<CompanyMention> find(String text) {
    List<CompanyMention> found = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!isWordChar(text.charAt(i))) {
        i++;
        continue;
      }
      CompanyMention best = longestAt(text, i);
      if (best != null) {
        found.add(best);
        i = best.end();
      } else {
        // not a mention: go to the next word start (nothing starts inside a word)
        i++;
        while (i < n && isWordChar(text.charAt(i))) {
          i++;
        }
      }
    }
    return found;
  }

  private CompanyMention longestAt(String text, int start) {
    Surface best = null;
    int node = 0;
    char first = lower(text.charAt(start));
    node = first < ROOT_TABLE ? rootNext[first] : edges.next(0, first);
    for (int j = start; node >= 0; ) {
      Surface[] here = ending[node];
      if (here != null) {
        for (Surface s : here) {
          if (matches(s, text, start)) {
            best = s; // deeper nodes are longer surfaces
            break;
          }
        }
      }
      if (++j >= text.length()) {
        break;
      }
      char c = lower(text.charAt(j));
      node =
          j == start + 1 && first < ROOT_TABLE && c < ROOT_TABLE
              ? pairNext[(first << 7) | c]
              : edges.next(node, c);
    }
    if (best == null) {
      return null;
    }
    int end = start + best.text().length();
    return new CompanyMention(best.company(), text.substring(start, end), start, end);
  }

  private static boolean matches(Surface s, String text, int start) {
    int end = start + s.text().length();
    if (end > text.length() || isWordChar(text, end)) {
      return false;
    }
    if (!text.regionMatches(!s.caseSensitive(), start, s.text(), 0, s.text().length())
        || text.charAt(start) != s.text().charAt(0)) {
      return false;
    }
    if (s.unlessNear().isEmpty() && s.onlyNear().isEmpty()) {
      return true;
    }
    int from = Math.max(0, start - NEAR);
    int to = Math.min(text.length(), end + NEAR);
    return s.unlessNear().stream().noneMatch(w -> nearWord(text, from, start, end, to, w))
        && (s.onlyNear().isEmpty()
            || s.onlyNear().stream().anyMatch(w -> nearWord(text, from, start, end, to, w)));
  }

  /**
   * Whether {@code word} starts a word, ignoring case, in {@code text[from, start)} or {@code
   * text[end, to)} (so "crypto" finds "cryptocurrency"). The two windows are read as if joined by a
   * space, as a word right after the mention starts a word.
   */
  private static boolean nearWord(String text, int from, int start, int end, int to, String word) {
    return startsWordIn(text, from, start, word) || startsWordIn(text, end, to, word);
  }

  private static boolean startsWordIn(String text, int from, int to, String word) {
    int last = to - word.length();
    char first = lower(word.charAt(0));
    boolean afterWordChar = false; // the window's first character counts as a word start
    for (int i = from; i <= last; i++) {
      char c = text.charAt(i);
      boolean wordChar = isWordChar(c);
      if (wordChar
          && !afterWordChar
          && lower(c) == first
          && text.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
      afterWordChar = wordChar;
    }
    return false;
  }

  private void add(Surface s) {
    int node = 0;
    String t = s.text();
    for (int k = 0; k < t.length(); k++) {
      node = edges.nextOrAdd(node, lower(t.charAt(k)));
    }
    if (node >= ending.length) {
      ending = Arrays.copyOf(ending, Math.max(node + 1, ending.length * 2));
    }
    Surface[] here = ending[node];
    if (here == null) {
      ending[node] = new Surface[] {s};
    } else {
      Surface[] more = Arrays.copyOf(here, here.length + 1);
      more[here.length] = s;
      ending[node] = more;
    }
  }

  private static boolean isWordChar(String text, int i) {
    return i >= 0 && i < text.length() && isWordChar(text.charAt(i));
  }

  /** A letter or digit (of any script), with a quick answer for ASCII. */
  private static boolean isWordChar(char c) {
    if (c < 128) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
    return Character.isLetterOrDigit(c);
  }

  private static char lower(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return Character.toLowerCase(c);
  }
}
