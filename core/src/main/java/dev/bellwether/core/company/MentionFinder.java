package dev.bellwether.core.company;

import dev.bellwether.core.tagging.CompanyMention;
import dev.bellwether.core.text.TrieEdges;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds whole-word mentions of known surfaces in text: longest match wins, no overlaps.
 *
 * <p>The surfaces sit in a trie keyed by their first character as written and their other
 * characters lower-cased: a surface's first letter must match in case, so most words, which start
 * in lower case where most surfaces start in upper case, leave the trie at their first step. The
 * finder visits each word start once and walks the trie along the text from there, so a text costs
 * about one trie step per character of the words that begin like some surface, whatever the size of
 * the knowledge base. Case rules and disambiguation words are checked only for surfaces the walk
 * reaches.
 */
final class MentionFinder {
  /** How far, in characters either side, the disambiguation words are looked for. */
  private static final int NEAR = 120;

  private static final int ROOT = 0;
  private static final int ASCII = 128;
  // the kinds of character: a word character, and one that some surface starts with
  private static final int WORD = 1;
  private static final int STARTS = 2;

  private final TrieEdges edges = new TrieEdges();
  // the lower-cased ASCII characters of the surfaces, in the order of the dense table's columns
  private final char[] alphabet;
  // the column of each ASCII character, upper case as lower case; -1 when no surface has it
  private final byte[] column = new byte[ASCII];
  // every edge by an ASCII character, by node and column; missing edges lead to the sink node
  private final int[] next;
  // the first step by an ASCII character as written
  private final int[] first = new int[ASCII];
  // the kind of every char, WORD and maybe STARTS, or 0: the scan asks it of every character, and
  // text outside ASCII (quotes, dashes, accents) is common enough that asking the trie costs
  private final byte[] kind = new byte[Character.MAX_VALUE + 1];
  private final int sink;
  // whether some surface may begin with these two ASCII characters (the first as written)
  private final boolean[] pairs = new boolean[ASCII * ASCII];
  // the surfaces whose lower-cased text ends at each node, in knowledge-base order
  private Surface[][] ending = new Surface[64][];

  MentionFinder(List<Surface> surfaces) {
    for (Surface s : surfaces) {
      add(s);
    }
    alphabet = asciiAlphabet(surfaces);
    Arrays.fill(column, (byte) -1);
    for (int k = 0; k < alphabet.length; k++) {
      column[alphabet[k]] = (byte) k;
      column[Character.toUpperCase(alphabet[k])] = (byte) k;
    }
    next = edges.dense(alphabet);
    sink = edges.nodeCount();
    for (char c = 0; c < ASCII; c++) {
      first[c] = firstStep(c);
    }
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      kind[c] = (byte) kindOf((char) c);
    }
    for (char c = 0; c < ASCII; c++) {
      for (char d = 0; d < ASCII; d++) {
        int node = first[c];
        pairs[c * ASCII + d] =
            node != sink && (ending[node] != null && !isWordChar(d) || step(node, d) != sink);
      }
    }
    for (Surface s : surfaces) {
      for (String w : s.unlessNear()) {
        near.computeIfAbsent(s, x -> new NearWords()).unless.add(w);
      }
      for (String w : s.onlyNear()) {
        near.computeIfAbsent(s, x -> new NearWords()).only.add(w);
      }
    }
  }

  /** The distinct lower-cased ASCII characters of the surfaces. */
  private static char[] asciiAlphabet(List<Surface> surfaces) {
    StringBuilder seen = new StringBuilder();
    for (Surface s : surfaces) {
      for (int k = 0; k < s.text().length(); k++) {
        char c = lower(s.text().charAt(k));
        if (c < ASCII && seen.indexOf(String.valueOf(c)) < 0) {
          seen.append(c);
        }
      }
    }
    return seen.toString().toCharArray();
  }

  /**
   * The mentions in {@code text}. The text is read from a {@code char[]} copy: the loop visits
   * every character, and array reads are cheaper than {@link String#charAt} on text that is not all
   * Latin-1. A walk starts only at a word start with a character some surface starts with.
   */
  List<CompanyMention> find(String text) {
    List<CompanyMention> found = new ArrayList<>();
    char[] chars = text.toCharArray();
    // the WORD bit of the character before, computed without a branch: a branch on where words
    // end is one the processor cannot predict, and would cost more than the rest of the loop
    int before = 0;
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      int k = kind[c];
      if ((k & ~(before << 1) & STARTS) != 0 && mayBeginAt(chars, i, c)) {
        CompanyMention best = longestAt(text, chars, i);
        if (best != null) {
          found.add(best);
          i = best.end() - 1; // the character at the end is no word character
          k = 0;
        }
      }
      before = k & WORD;
    }
    return found;
  }

  /** Whether a surface may begin with the two characters at {@code i}, by the pair table. */
  private boolean mayBeginAt(char[] chars, int i, char c) {
    if (i + 1 == chars.length) {
      return true;
    }
    char d = chars[i + 1];
    return c >= ASCII || d >= ASCII || pairs[c * ASCII + d];
  }

  /** Whether {@code c} is a {@link #WORD} character, and one some surface {@link #STARTS} with. */
  private int kindOf(char c) {
    if (!isWordChar(c)) {
      return 0;
    }
    return firstStep(c) == sink ? WORD : WORD | STARTS;
  }

  private CompanyMention longestAt(String text, char[] chars, int start) {
    Surface best = null;
    char c = chars[start];
    int node = c < ASCII ? first[c] : firstStep(c);
    for (int j = start; node != sink; node = step(node, chars[j])) {
      Surface[] here = ending[node];
      // all surfaces ending at a node are as long as its path: check the word ends first
      if (here != null && !isWordChar(chars, j + 1)) {
        for (Surface s : here) {
          if (matches(s, text, chars, start)) {
            best = s; // deeper nodes are longer surfaces
            break;
          }
        }
      }
      if (++j == chars.length) {
        break;
      }
    }
    if (best == null) {
      return null;
    }
    int end = start + best.text().length();
    return new CompanyMention(best.company(), text.substring(start, end), start, end);
  }

  /** The node reached from the root by {@code c} as written, or the sink. */
  private int firstStep(char c) {
    int target = edges.next(ROOT, c);
    return target < 0 ? sink : target;
  }

  /** The node reached from {@code node} by {@code c} without regard to case, or the sink. */
  private int step(int node, char c) {
    char lower = c < ASCII ? c : lower(c); // ASCII upper case has its lower case's column
    if (lower < ASCII) {
      int k = column[lower];
      return k < 0 ? sink : next[node * alphabet.length + k];
    }
    int target = edges.next(node, lower);
    return target < 0 ? sink : target;
  }

  /** Whether the surface, whose length the walk has already found a whole word, is meant here. */
  private boolean matches(Surface s, String text, char[] chars, int start) {
    int end = start + s.text().length();
    if (chars[start] != s.text().charAt(0) || !sameText(s, text, chars, start)) {
      return false;
    }
    if (s.unlessNear().isEmpty() && s.onlyNear().isEmpty()) {
      return true;
    }
    NearWords words = near.get(s);
    int from = Math.max(0, start - NEAR);
    int to = Math.min(text.length(), end + NEAR);
    return !words.unless.anyNear(text, chars, from, start, end, to)
        && (s.onlyNear().isEmpty() || words.only.anyNear(text, chars, from, start, end, to));
  }

  /**
   * Whether the text at {@code start} is the surface's text, exactly or ignoring case as the
   * surface requires. The walk that reached the surface has already compared lower-cased
   * characters, which for ASCII is all that ignoring case means; only other characters need {@link
   * String#regionMatches}'s own rules.
   */
  private static boolean sameText(Surface s, String text, char[] chars, int start) {
    String t = s.text();
    for (int k = 0; k < t.length(); k++) {
      char c = chars[start + k];
      if (s.caseSensitive() ? c != t.charAt(k) : c >= ASCII || t.charAt(k) >= ASCII) {
        return text.regionMatches(!s.caseSensitive(), start, t, 0, t.length());
      }
    }
    return true;
  }

  /** The disambiguation words of the surfaces that have any. */
  private final Map<Surface, NearWords> near = new IdentityHashMap<>();

  private static final class NearWords {
    final WordSet unless = new WordSet();
    final WordSet only = new WordSet();
  }

  /**
   * Words looked for at word starts near a mention, ignoring case, filed by their lower-cased first
   * character so that each word start of the text is compared only with the words that begin like
   * it.
   */
  private static final class WordSet {
    private final String[][] byFirst = new String[ASCII][];
    private final List<String> rest = new ArrayList<>();

    void add(String word) {
      char first = lower(word.charAt(0));
      if (first >= ASCII) {
        rest.add(word);
        return;
      }
      String[] bucket = byFirst[first] == null ? new String[0] : byFirst[first];
      bucket = Arrays.copyOf(bucket, bucket.length + 1);
      bucket[bucket.length - 1] = word;
      byFirst[first] = bucket;
    }

    /**
     * Whether one of the words starts a word in {@code text[from, start)} or {@code text[end, to)}
     * (so "crypto" finds "cryptocurrency"). The two windows are read as if joined by a space, as a
     * word right after the mention starts a word; each window's first character counts as a word
     * start.
     */
    boolean anyNear(String text, char[] chars, int from, int start, int end, int to) {
      return inWindow(text, chars, from, start) || inWindow(text, chars, end, to);
    }

    private boolean inWindow(String text, char[] chars, int from, int to) {
      boolean afterWordChar = false;
      for (int i = from; i < to; i++) {
        char c = chars[i];
        boolean wordChar = isWordChar(c);
        if (wordChar && !afterWordChar && startsHere(text, chars, i, to, lower(c))) {
          return true;
        }
        afterWordChar = wordChar;
      }
      return false;
    }

    private boolean startsHere(String text, char[] chars, int i, int to, char first) {
      if (first < ASCII) {
        String[] bucket = byFirst[first];
        if (bucket != null) {
          for (String w : bucket) {
            if (i + w.length() <= to && isAt(text, chars, i, w)) {
              return true;
            }
          }
        }
      }
      for (String w : rest) {
        if (lower(w.charAt(0)) == first && i + w.length() <= to && isAt(text, chars, i, w)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Whether {@code word} is at {@code text[at]}, ignoring case, as {@link String#regionMatches}
   * tells; pairs of ASCII characters are compared here, others by that method's own rules.
   */
  private static boolean isAt(String text, char[] chars, int at, String word) {
    for (int k = 0; k < word.length(); k++) {
      char a = chars[at + k];
      char b = word.charAt(k);
      if (a >= ASCII || b >= ASCII) {
        return text.regionMatches(true, at, word, 0, word.length());
      }
      if (lower(a) != lower(b)) {
        return false;
      }
    }
    return true;
  }

  private void add(Surface s) {
    String t = s.text();
    int node = edges.nextOrAdd(ROOT, t.charAt(0));
    for (int k = 1; k < t.length(); k++) {
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

  private static boolean isWordChar(char[] text, int i) {
    return i < text.length && isWordChar(text[i]);
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
