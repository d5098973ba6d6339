package dev.bellwether.core.learn;

import java.util.List;

/**
 * Turns sentences into vectors of one fixed dimension, unit length, so that similar meanings lie
 * close.
 */
public interface SentenceEncoder {
  /** The encoder's name, recorded with a model trained on its vectors. */
  String name();

  int dimension();

  /** One vector per text, in order; an empty list gives an empty array. */
  float[][] encode(List<String> texts);
}
