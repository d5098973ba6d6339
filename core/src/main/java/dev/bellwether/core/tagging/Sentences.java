package dev.bellwether.core.tagging;

import java.util.Arrays;

/**
 * The sentences of a text as character offsets. A sentence's own string is cut from the text only
 * when it is asked for: most sentences are scanned for trigger words and never read further.
 */
final class Sentences {
  private final String text;
  // start and end of sentence k at 2k and 2k + 1
  private int[] bounds = new int[32];
  private int count;

  Sentences(String text) {
    this.text = text;
  }

  void add(int start, int end) {
    if (2 * count + 1 >= bounds.length) {
      bounds = Arrays.copyOf(bounds, bounds.length * 2);
    }
    bounds[2 * count] = start;
    bounds[2 * count + 1] = end;
    count++;
  }

  int count() {
    return count;
  }

  int start(int k) {
    return bounds[2 * k];
  }

  int end(int k) {
    return bounds[2 * k + 1];
  }

  /** Sentence {@code k} with its text. */
  Sentence get(int k) {
    return new Sentence(text.substring(start(k), end(k)), start(k), end(k));
  }
}
