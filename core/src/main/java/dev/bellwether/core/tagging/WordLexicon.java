package dev.bellwether.core.tagging;

import dev.bellwether.core.text.TrieEdges;
import java.util.Arrays;
import java.util.List;

/**
 * A set of lower-case words and word beginnings, each carrying bit flags, that tells in one pass
 * over a text which flags its words raise. An entry {@code "talks"} matches the word "talks" only;
 * an entry {@code "negotiat*"} matches every word that starts with "negotiat". Words are runs of
 * ASCII letters and digits, read without regard to case, so "co-led" is the two words "co" and
 * "led", as the regular expressions' {@code \b} sees them.
 *
 * <p>The lexicon is a trie walked once per word, without allocating: scanning a sentence costs
 * about one table lookup per character of the words that begin like an entry. It is immutable and
 * safe to share.
 */
final class WordLexicon {
  private static final int ROOT = 0;

  /** The word characters in the order of the dense table's columns. */
  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

  // the column of each ASCII character, upper case as lower case; -1 for what is not a word char
  private static final byte[] COLUMN = new byte[128];

  static {
    Arrays.fill(COLUMN, (byte) -1);
    for (int k = 0; k < ALPHABET.length; k++) {
      COLUMN[ALPHABET[k]] = (byte) k;
      COLUMN[Character.toUpperCase(ALPHABET[k])] = (byte) k;
    }
  }

  private final TrieEdges edges = new TrieEdges();
  // every edge, by node and column; missing edges lead to a sink node without flags
  private int[] next = new int[0];
  private int sink;
  // per node: flags for a word ending here, and for every word having this node's path as prefix
  private long[] exact = new long[64];
  private long[] prefix = new long[64];

  private WordLexicon() {}

  /** One entry: a word, or a word beginning when it ends in {@code *}, and its flags. */
  record Entry(String word, long flags) {}

  static WordLexicon of(List<Entry> entries) {
    WordLexicon lexicon = new WordLexicon();
    entries.forEach(lexicon::add);
    lexicon.next = lexicon.edges.dense(ALPHABET);
    lexicon.sink = lexicon.edges.nodeCount();
    int nodes = lexicon.edges.nodeCount() + 1; // the sink's flags stay 0
    lexicon.exact = Arrays.copyOf(lexicon.exact, Math.max(nodes, lexicon.exact.length));
    lexicon.prefix = Arrays.copyOf(lexicon.prefix, lexicon.exact.length);
    return lexicon;
  }

  /**
   * The flags of every word in {@code text[from, to)}, OR-ed together. The range is copied to a
   * {@code char[]} first: reading an array costs less than {@link String#charAt} in this loop.
   */
  long scan(String text, int from, int to) {
    char[] chars = new char[to - from];
    text.getChars(from, to, chars, 0);
    long flags = 0;
    int i = 0;
    while (i < chars.length) {
      int column = column(chars[i]);
      if (column < 0) {
        i++;
        continue;
      }
      int node = ROOT;
      do {
        node = next[node * ALPHABET.length + column];
        flags |= prefix[node];
        i++;
      } while (node != sink && i < chars.length && (column = column(chars[i])) >= 0);
      while (i < chars.length && column(chars[i]) >= 0) {
        i++; // the rest of a word that no entry begins like
      }
      flags |= exact[node];
    }
    return flags;
  }

  /**
   * The table column of an ASCII letter or digit, as the regular expressions' {@code \b} sees
   * words; else -1.
   */
  private static int column(char c) {
    return c < COLUMN.length ? COLUMN[c] : -1;
  }

  /** ASCII letters and digits. */
  private static boolean isWordChar(char c) {
    return column(c) >= 0;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private void add(Entry entry) {
    String w = entry.word();
    boolean isPrefix = w.endsWith("*");
    String word = isPrefix ? w.substring(0, w.length() - 1) : w;
    if (word.isEmpty()) {
      throw new IllegalArgumentException("empty lexicon entry");
    }
    int node = ROOT;
    for (int k = 0; k < word.length(); k++) {
      char c = word.charAt(k);
      if (!isWordChar(c)) {
        throw new IllegalArgumentException(
            "lexicon entry \"" + w + "\" is not one word of ASCII letters and digits");
      }
      node = edges.nextOrAdd(node, lower(c));
    }
    if (node >= exact.length) {
      exact = Arrays.copyOf(exact, Math.max(node + 1, exact.length * 2));
      prefix = Arrays.copyOf(prefix, exact.length);
    }
    if (isPrefix) {
      prefix[node] |= entry.flags();
    } else {
      exact[node] |= entry.flags();
    }
  }
}
