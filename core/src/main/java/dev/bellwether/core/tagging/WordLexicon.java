package dev.bellwether.core.tagging;

import dev.bellwether.core.text.TrieEdges;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of lower-case words and word beginnings, each carrying bit flags, that tells in one pass
 * over a text which flags its words raise. An entry {@code "talks"} matches the word "talks" only;
 * an entry {@code "negotiat*"} matches every word that starts with "negotiat". Words are runs of
 * ASCII letters and digits, read without regard to case, so "co-led" is the two words "co" and
 * "led", as the regular expressions' {@code \b} sees them.
 *
 * <p>The lexicon is a trie, laid out as an automaton over every character: a letter or digit steps
 * down the trie (or to a sink once no entry begins like the word), anything else steps back to the
 * root. Each step, from a node by a character, carries the flags it raises: a word beginning's on
 * the way down, a whole word's at its end. Scanning a sentence thus costs two table reads per
 * character and no branch that depends on where words end, which a processor cannot predict. It is
 * immutable and safe to share.
 */
final class WordLexicon {
  private static final int ROOT = 0;

  /** The word characters in the order of the dense table's columns. */
  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

  /** The column of every character that is not a word character, after the alphabet's. */
  private static final int BETWEEN = ALPHABET.length;

  /** The columns of the step table. */
  private static final int WIDTH = ALPHABET.length + 1;

  // the column of each ASCII character, upper case as lower case; BETWEEN for what is no word char
  private static final byte[] COLUMN = new byte[128];

  static {
    Arrays.fill(COLUMN, (byte) BETWEEN);
    for (int k = 0; k < ALPHABET.length; k++) {
      COLUMN[ALPHABET[k]] = (byte) k;
      COLUMN[Character.toUpperCase(ALPHABET[k])] = (byte) k;
    }
  }

  private final TrieEdges edges = new TrieEdges();
  // per node while building: flags for a word ending here, and for every word having this node's
  // path as prefix
  private long[] exact = new long[64];
  private long[] prefix = new long[64];
  // per step (the row of a node, node * WIDTH, plus a column): the row it leads to, shifted left by
  // FLAG_BITS, and the index in raised of the flags it raises. One int per step keeps the table
  // small enough for the processor's nearer caches, and the flags off the chain of dependent reads.
  private int[] steps = new int[0];
  private long[] raised = new long[0];

  /** The bits of a step that index its flags. */
  private static final int FLAG_BITS = 10;

  private static final int FLAG_MASK = (1 << FLAG_BITS) - 1;

  private WordLexicon() {}

  /** One entry: a word, or a word beginning when it ends in {@code *}, and its flags. */
  record Entry(String word, long flags) {}

  static WordLexicon of(List<Entry> entries) {
    WordLexicon lexicon = new WordLexicon();
    entries.forEach(lexicon::add);
    lexicon.buildSteps();
    return lexicon;
  }

  /**
   * Lays the finished trie out as steps. A word character leads down the trie, to the sink (node
   * {@link TrieEdges#nodeCount()}, without flags) where there is no edge, and raises the flags of
   * the word beginnings it completes; any other character leads back to the root and raises the
   * flags of the word that ended before it.
   */
  private void buildSteps() {
    int[] down = edges.dense(ALPHABET);
    int nodes = edges.nodeCount() + 1; // the sink's flags stay 0
    exact = Arrays.copyOf(exact, Math.max(nodes, exact.length));
    prefix = Arrays.copyOf(prefix, exact.length);
    if ((long) nodes * WIDTH >= 1L << (Integer.SIZE - 1 - FLAG_BITS)) {
      throw new IllegalArgumentException("too many trigger words: " + nodes + " trie nodes");
    }
    steps = new int[nodes * WIDTH];
    Map<Long, Integer> flagIndex = new HashMap<>();
    flagIndex.put(0L, 0);
    for (int node = 0; node < nodes; node++) {
      for (int k = 0; k < ALPHABET.length; k++) {
        int target = down[node * ALPHABET.length + k];
        steps[node * WIDTH + k] = step(target * WIDTH, prefix[target], flagIndex);
      }
      steps[node * WIDTH + BETWEEN] = step(ROOT, exact[node], flagIndex);
    }
    raised = new long[flagIndex.size()];
    flagIndex.forEach((flags, index) -> raised[index] = flags);
  }

  private static int step(int row, long flags, Map<Long, Integer> flagIndex) {
    int index = flagIndex.computeIfAbsent(flags, f -> flagIndex.size());
    if (index > FLAG_MASK) {
      throw new IllegalArgumentException("too many distinct trigger flag sets: " + index);
    }
    return row << FLAG_BITS | index;
  }

  /**
   * The flags of every word in {@code text[from, to)}, OR-ed together. The range is copied to a
   * {@code char[]} first: reading an array costs less than {@link String#charAt} in this loop.
   */
  long scan(String text, int from, int to) {
    char[] chars = new char[to - from];
    text.getChars(from, to, chars, 0);
    return rest(chars, 0, chars.length, ROOT);
  }

  /**
   * The flags of each sentence's words, as {@link #scan} of each would give, reading the text once.
   * Sentences are scanned two at a time, the first half alongside the second: each step waits for
   * the table read of the one before, and two independent scans let the processor overlap them.
   */
  long[] scanEach(String text, Sentences sentences) {
    char[] chars = text.toCharArray();
    int n = sentences.count();
    long[] flags = new long[n];
    int half = (n + 1) / 2;
    for (int a = 0; a < half; a++) {
      int b = a + half;
      if (b == n) {
        flags[a] = scan(chars, sentences.start(a), sentences.end(a));
        continue;
      }
      int i = sentences.start(a);
      int j = sentences.start(b);
      int both = Math.min(sentences.end(a) - i, sentences.end(b) - j);
      long fa = 0;
      long fb = 0;
      int ra = ROOT;
      int rb = ROOT;
      for (int k = 0; k < both; k++) {
        int sa = steps[ra + column(chars[i + k])];
        int sb = steps[rb + column(chars[j + k])];
        fa |= raised[sa & FLAG_MASK];
        fb |= raised[sb & FLAG_MASK];
        ra = sa >>> FLAG_BITS;
        rb = sb >>> FLAG_BITS;
      }
      flags[a] = fa | rest(chars, i + both, sentences.end(a), ra);
      flags[b] = fb | rest(chars, j + both, sentences.end(b), rb);
    }
    return flags;
  }

  private long scan(char[] chars, int from, int to) {
    return rest(chars, from, to, ROOT);
  }

  /** The flags of {@code chars[from, to)} read on from the step table's {@code row}. */
  private long rest(char[] chars, int from, int to, int row) {
    long flags = 0;
    for (int i = from; i < to; i++) {
      int step = steps[row + column(chars[i])];
      flags |= raised[step & FLAG_MASK];
      row = step >>> FLAG_BITS;
    }
    return flags | raised[steps[row + BETWEEN] & FLAG_MASK]; // the last word's
  }

  /**
   * The table column of an ASCII letter or digit, as the regular expressions' {@code \b} sees
   * words; else {@link #BETWEEN}.
   */
  private static int column(char c) {
    return c < COLUMN.length ? COLUMN[c] : BETWEEN;
  }

  /** ASCII letters and digits. */
  private static boolean isWordChar(char c) {
    return column(c) != BETWEEN;
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
