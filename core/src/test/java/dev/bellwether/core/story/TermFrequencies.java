package dev.bellwether.core.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the table of {@link TermWeights}: for the JSON-lines files given (their {@code text}
 * fields), the number of texts, then each term found in at least {@value TermWeights#MIN_DOCUMENTS}
 * texts and in how many. From the project root, after {@code ./mvnw -pl core test-compile}:
 *
 * <pre>
 * java -cp core/target/classes:core/target/test-classes:$(jackson jars) \
 *     dev.bellwether.core.story.TermFrequencies data/events/train.jsonl data/events/dev.jsonl \
 *     &gt; core/src/main/resources/dev/bellwether/core/story/term-frequencies.tsv
 * </pre>
 */
public final class TermFrequencies {
  private TermFrequencies() {}

  public static void main(String... files) throws IOException {
    ObjectMapper json = new ObjectMapper();
    int documents = 0;
    Map<String, Integer> df = new TreeMap<>();
    for (String file : files) {
      for (String line : Files.readAllLines(Path.of(file))) {
        JsonNode text = line.isBlank() ? null : json.readTree(line).get("text");
        if (text == null) {
          continue;
        }
        documents++;
        for (String term : Terms.of("", text.asText())) {
          df.merge(term, 1, Integer::sum);
        }
      }
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println("# Salient-term document frequencies (TermWeights): how many texts of the files");
    out.println("# below carry each term (Terms.of); terms in fewer than 3 texts are left out.");
    out.println("# Made by TermFrequencies from: " + String.join(" ", files));
    out.println("@documents\t" + documents);
    df.forEach(
        (term, count) -> {
          if (count >= TermWeights.MIN_DOCUMENTS) {
            out.println(term + "\t" + count);
          }
        });
  }
}
