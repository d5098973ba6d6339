package dev.bellwether.core.learn;

import dev.bellwether.core.tagging.EventType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A linear classifier per event type over sentence vectors: the probability that a sentence reports
 * an event of that type, and the threshold above which the tagger takes the model's word for it.
 * Read from and written to a small text file that also records the encoder it needs, the hash of
 * the data it was trained on and the command that trained it.
 *
 * <pre>
 * # comments
 * encoder all-minilm-l6-v2-q
 * dimension 384
 * ngrams 4096
 * data sha256:...
 * command bellwether train ...
 * type FUNDING threshold 0.55
 * weights FUNDING w1 w2 ... bias
 * </pre>
 */
public final class EventModel {
  private final String encoder;
  private final int dimension;
  private final int ngrams;
  private final @Nullable NgramHasher hasher;
  private final String data;
  private final String command;
  private final Map<EventType, float[]> weights;
  private final Map<EventType, Double> thresholds;

  /**
   * @param dimension the encoder's vector size
   * @param ngrams slots of the hashed words and word pairs appended to the encoder's vector (0 for
   *     none)
   * @param weights per type, {@code dimension + ngrams} weights and the bias last
   */
  public EventModel(
      String encoder,
      int dimension,
      int ngrams,
      String data,
      String command,
      Map<EventType, float[]> weights,
      Map<EventType, Double> thresholds) {
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    this.dimension = dimension;
    if (ngrams < 0) {
      throw new IllegalArgumentException("ngrams must not be negative");
    }
    this.ngrams = ngrams;
    this.hasher = ngrams == 0 ? null : new NgramHasher(ngrams);
    this.data = Objects.requireNonNull(data, "data");
    this.command = Objects.requireNonNull(command, "command");
    this.weights = new EnumMap<>(EventType.class);
    this.weights.putAll(weights);
    this.thresholds = new EnumMap<>(EventType.class);
    this.thresholds.putAll(thresholds);
    for (EventType t : EventType.values()) {
      float[] w = this.weights.get(t);
      if (w == null || w.length != dimension + ngrams + 1) {
        throw new IllegalArgumentException(
            "the model needs " + (dimension + ngrams + 1) + " weights for " + t);
      }
      double th = this.thresholds.getOrDefault(t, 0.5);
      if (th <= 0 || th > 1) {
        throw new IllegalArgumentException("threshold of " + t + " out of (0, 1]: " + th);
      }
      this.thresholds.put(t, th);
    }
  }

  public String encoder() {
    return encoder;
  }

  public int dimension() {
    return dimension;
  }

  /** Slots of hashed words and word pairs after the encoder's values (0: none). */
  public int ngrams() {
    return ngrams;
  }

  /** The model's input for a text: its encoder vector, then its hashed words and word pairs. */
  public float[] features(float[] vector, String text) {
    if (vector.length != dimension) {
      throw new IllegalArgumentException(
          "a vector of " + dimension + " values is needed, not " + vector.length);
    }
    if (hasher == null) {
      return vector;
    }
    float[] out = new float[dimension + ngrams];
    System.arraycopy(vector, 0, out, 0, dimension);
    System.arraycopy(hasher.vector(text), 0, out, dimension, ngrams);
    return out;
  }

  /** The hash of the labeled data the model was trained on. */
  public String data() {
    return data;
  }

  public String command() {
    return command;
  }

  public double threshold(EventType type) {
    return thresholds.get(type);
  }

  /** The same weights with other thresholds (types not given keep theirs). */
  public EventModel withThresholds(Map<EventType, Double> changed) {
    Map<EventType, Double> t = new EnumMap<>(EventType.class);
    t.putAll(thresholds);
    t.putAll(changed);
    return new EventModel(encoder, dimension, ngrams, data, command, weights, t);
  }

  /** The probability that a text with these {@link #features} reports an event of the type. */
  public double probability(EventType type, float[] features) {
    if (features.length != dimension + ngrams) {
      throw new IllegalArgumentException(
          (dimension + ngrams) + " features are needed, not " + features.length);
    }
    return LogisticRegression.probability(weights.get(type), features);
  }

  /** Writes the model in its text form. */
  public void write(Writer out) throws IOException {
    out.write("# Bellwether event model: one logistic regression per event type over sentence\n");
    out.write("# vectors of the encoder below (docs/tagging.md). Made by the command below.\n");
    out.write("encoder " + encoder + "\n");
    out.write("dimension " + dimension + "\n");
    out.write("ngrams " + ngrams + "\n");
    out.write("data " + data + "\n");
    out.write("command " + command.replace('\n', ' ') + "\n");
    for (EventType t : EventType.values()) {
      out.write(String.format(Locale.ROOT, "type %s threshold %.4f%n", t, thresholds.get(t)));
      StringBuilder line = new StringBuilder("weights ").append(t);
      for (float w : weights.get(t)) {
        line.append(' ').append(String.format(Locale.ROOT, "%.6g", w));
      }
      out.write(line.append('\n').toString());
    }
  }

  /** Reads a model written by {@link #write}; a malformed file is refused with its line number. */
  public static EventModel read(BufferedReader in) {
    String encoder = null;
    String data = "";
    String command = "";
    int dimension = -1;
    int ngrams = 0;
    Map<EventType, float[]> weights = new EnumMap<>(EventType.class);
    Map<EventType, Double> thresholds = new EnumMap<>(EventType.class);
    int number = 0;
    try {
      String line;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.trim().split("\\s+");
        switch (parts[0]) {
          case "encoder" -> encoder = parts[1];
          case "dimension" -> dimension = Integer.parseInt(parts[1]);
          case "ngrams" -> ngrams = Integer.parseInt(parts[1]);
          case "data" -> data = parts.length > 1 ? parts[1] : "";
          case "command" -> command = line.trim().substring("command".length()).trim();
          case "type" -> thresholds.put(EventType.valueOf(parts[1]), Double.valueOf(parts[3]));
          case "weights" -> weights.put(EventType.valueOf(parts[1]), floats(parts));
          default -> throw new IllegalArgumentException("unknown key " + parts[0]);
        }
      }
      if (encoder == null) {
        throw new IllegalArgumentException("no encoder line");
      }
      return new EventModel(encoder, dimension, ngrams, data, command, weights, thresholds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("event model, line " + number + ": " + e.getMessage(), e);
    }
  }

  private static float[] floats(String[] parts) {
    List<Float> values = new ArrayList<>();
    for (int i = 2; i < parts.length; i++) {
      values.add(Float.parseFloat(parts[i]));
    }
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
