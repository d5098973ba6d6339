package dev.bellwether.processors.model;

import dev.bellwether.core.learn.SentenceEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An encoder that remembers every text's vector: for training, where the same texts recur. */
public final class CachingEncoder implements SentenceEncoder {
  private final SentenceEncoder inner;
  private final Map<String, float[]> vectors = new HashMap<>();

  public CachingEncoder(SentenceEncoder inner) {
    this.inner = inner;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public int dimension() {
    return inner.dimension();
  }

  @Override
  public synchronized float[][] encode(List<String> texts) {
    List<String> missing = new ArrayList<>();
    for (String t : texts) {
      if (!vectors.containsKey(t) && !missing.contains(t)) {
        missing.add(t);
      }
    }
    if (!missing.isEmpty()) {
      float[][] fresh = inner.encode(missing);
      for (int i = 0; i < fresh.length; i++) {
        vectors.put(missing.get(i), fresh[i]);
      }
    }
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = vectors.get(texts.get(i));
    }
    return out;
  }
}
