package dev.bellwether.processors.model;

import dev.bellwether.core.learn.SentenceEncoder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentence vectors from all-MiniLM-L6-v2 (quantized), run in process by ONNX Runtime from the model
 * inside its Maven artifact: nothing is downloaded. 384 values, unit length. The model is loaded
 * once per JVM (about a second) and is safe to share between threads.
 */
public final class MiniLmEncoder implements SentenceEncoder {
  /** The name a model trained on these vectors records. */
  public static final String NAME = "all-minilm-l6-v2-q";

  private static final int DIMENSION = 384;

  /** Texts are cut to this many characters before encoding (the model reads 256 tokens at most). */
  private static final int MAX_CHARS = 1_000;

  private static volatile MiniLmEncoder shared;

  private final AllMiniLmL6V2QuantizedEmbeddingModel model;

  private MiniLmEncoder() {
    this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
  }

  /** The one encoder of this JVM, loaded on first use. */
  public static MiniLmEncoder shared() {
    MiniLmEncoder e = shared;
    if (e == null) {
      synchronized (MiniLmEncoder.class) {
        e = shared;
        if (e == null) {
          e = new MiniLmEncoder();
          shared = e;
        }
      }
    }
    return e;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public float[][] encode(List<String> texts) {
    if (texts.isEmpty()) {
      return new float[0][];
    }
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) {
      String cut = t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t;
      segments.add(TextSegment.from(cut.isBlank() ? "." : cut));
    }
    List<Embedding> embeddings = model.embedAll(segments).content();
    float[][] out = new float[embeddings.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = unit(embeddings.get(i).vector());
    }
    return out;
  }

  private static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    if (norm == 0) {
      return v;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * scale;
    }
    return out;
  }
}
