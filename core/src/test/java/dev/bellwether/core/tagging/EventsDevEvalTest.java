package dev.bellwether.core.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs the tagger over the shared labeled development set and writes predictions to {@code
 * target/events-dev-pred.jsonl} in the format of {@code ../shared/eval/README.md}; score them with
 * {@code python3 ../shared/tools/score_events.py --gold ... --pred ...}.
 */
class EventsDevEvalTest {
  private static final Path GOLD = Path.of("../../shared/eval/events-dev.jsonl");
  private static final Path PRED = Path.of("target/events-dev-pred.jsonl");
  private static final Set<String> NUMBERS =
      Set.of("amount_usd", "valuation_usd", "amount", "valuation");
  private static final Set<String> LISTS = Set.of("parties", "investors");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void writesPredictionsForTheDevelopmentSet() throws IOException {
    assumeTrue(Files.isReadable(GOLD), "skipped: " + GOLD + " is absent (no ../shared checkout)");
    Tagger tagger = Tagger.builtIn();
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(GOLD, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        JsonNode gold = json.readTree(line);
        lines.add(json.writeValueAsString(predict(gold, tagger.tag(gold.get("text").asText()))));
      }
    }
    Files.createDirectories(PRED.getParent());
    Files.write(PRED, lines, StandardCharsets.UTF_8);
    assertThat(lines).isNotEmpty();
  }

  private ObjectNode predict(JsonNode gold, Tagging tagging) {
    ObjectNode out = json.createObjectNode().put("id", gold.get("id").asText());
    Set<String> companies = new LinkedHashSet<>();
    tagging.companies().forEach(m -> companies.add(m.company()));
    ArrayNode names = out.putArray("companies");
    companies.forEach(names::add);
    ArrayNode events = out.putArray("events");
    tagging.events().forEach(e -> events.add(event(e)));
    return out;
  }

  private ObjectNode event(DetectedEvent e) {
    ObjectNode o = json.createObjectNode();
    o.put("type", e.type().name()).put("status", e.status().name().toLowerCase(Locale.ROOT));
    o.put("ended", e.ended()).put("relaxed", e.relaxed()).put("confidence", e.confidence());
    if (!e.companies().isEmpty()) {
      o.put("company", e.companies().get(0));
    }
    for (Map.Entry<String, String> f : e.facts().entrySet()) {
      if (NUMBERS.contains(f.getKey())) {
        o.put(f.getKey(), Double.parseDouble(f.getValue()));
      } else if (LISTS.contains(f.getKey())) {
        ArrayNode list = o.putArray(f.getKey());
        List.of(f.getValue().split("; ")).forEach(list::add);
      } else {
        o.put(f.getKey(), f.getValue());
      }
    }
    return o;
  }
}
