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

  private final TrieEdges edges = new TrieEdges();
  // the root's children by ASCII character, the first step of every word
  private int[] rootNext = new int[0];
  private int[] pairNext = new int[0];
  // per node: flags for a word ending here, and for every word having this node's path as prefix
  private long[] exact = new long[64];
  private long[] prefix = new long[64];

  private WordLexicon() {}

  /** One entry: a word, or a word beginning when it ends in {@code *}, and its flags. */
  record Entry(String word, long flags) {}

  static WordLexicon of(List<Entry> entries) {
    WordLexicon lexicon = new WordLexicon();
    entries.forEach(lexicon::add);
    lexicon.rootNext = lexicon.edges.firstStep();
    lexicon.pairNext = lexicon.edges.firstTwoSteps();
    return lexicon;
  }

  /** The flags of every word in {@code text[from, to)}, OR-ed together. */
  long scan(String text, int from, int to) {
    long flags = 0;
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (!isWordChar(c)) {
        i++;
        continue;
      }
      char first = lower(c);
      int node = rootNext[first];
      boolean second = true;
      while (true) {
        if (node >= 0) {
          flags |= prefix[node];
        }
        i++;
        if (i >= to || !isWordChar(c = text.charAt(i))) {
          break;
        }
        if (node >= 0) {
          node = second ? pairNext[(first << 7) | lower(c)] : edges.next(node, lower(c));
        }
        second = false;
      }
      if (node >= 0) {
        flags |= exact[node];
      }
    }
    return flags;
  }

  /** ASCII letters and digits, as the regular expressions' {@code \b} sees words. */
  private static boolean isWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
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
