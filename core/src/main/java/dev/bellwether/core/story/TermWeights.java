package dev.bellwether.core.story;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * How telling a salient term is: its inverse document frequency in labeled news, scaled to (0, 1].
 * A name most articles carry ("nvidia", "china", "tel") says little about which event two articles
 * tell; a name few carry (a startup, its founder, its product) says much; a name never seen, most.
 *
 * <p>The built-in table ({@value #RESOURCE}) counts, for each term, the texts of {@code
 * data/events/train.jsonl} and {@code dev.jsonl} whose {@link Terms} include it (the test split is
 * not read). Rebuild it after changing {@link Terms} or the corpus with the test-scope tool {@code
 * TermFrequencies} (its comment gives the command).
 */
public final class TermWeights {
  static final String RESOURCE = "/dev/bellwether/core/story/term-frequencies.tsv";

  /** Terms found in fewer texts than this are left out of the table: they weigh as unseen. */
  static final int MIN_DOCUMENTS = 3;

  /** The smallest weight: even the commonest name counts a little. */
  static final double FLOOR = 0.05;

  private static final TermWeights BUILT_IN = read();

  private final int documents;
  private final Map<String, Integer> frequencies;

  TermWeights(int documents, Map<String, Integer> frequencies) {
    if (documents < 1) {
      throw new IllegalArgumentException("a term table needs documents, not " + documents);
    }
    this.documents = documents;
    this.frequencies = Map.copyOf(frequencies);
  }

  /** The weights of the built-in table. */
  public static TermWeights builtIn() {
    return BUILT_IN;
  }

  /** The term's weight: 1 for a term the table does not hold, less the more texts carry it. */
  public double weight(String term) {
    Integer df = frequencies.get(term);
    if (df == null) {
      return 1;
    }
    double idf = Math.log((documents + 1.0) / (df + 1.0));
    return Math.max(FLOOR, idf / Math.log(documents + 1.0));
  }

  private static TermWeights read() {
    try (InputStream in = TermWeights.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int documents = 0;
      Map<String, Integer> df = new HashMap<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        if (parts[0].equals("@documents")) {
          documents = Integer.parseInt(parts[1]);
        } else {
          df.put(parts[0], Integer.parseInt(parts[1]));
        }
      }
      return new TermWeights(documents, df);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
