package dev.bellwether.core.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bellwether.core.eval.LabeledEvent;
import dev.bellwether.core.eval.LabeledItem;
import dev.bellwether.core.eval.Predictions;
import dev.bellwether.core.eval.Scorecard;
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
 * Runs the tagger over the shared labeled development set, writes predictions to {@code
 * target/events-dev-pred.jsonl} in the format of {@code ../shared/eval/README.md} (score them with
 * {@code python3 ../shared/tools/score_events.py --gold ... --pred ...}) and asserts the acceptance
 * thresholds of the tagging issue on the {@link Scorecard}.
 */
class EventsDevEvalTest {
  private static final Path GOLD = Path.of("../../shared/eval/events-dev.jsonl");
  private static final Path PRED = Path.of("target/events-dev-pred.jsonl");
  private static final Set<String> NUMBERS =
      Set.of("amount_usd", "valuation_usd", "amount", "valuation");
  private static final Set<String> LISTS = Set.of("parties", "investors");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void meetsTheAcceptanceThresholdsOnTheDevelopmentSet() throws IOException {
    assumeTrue(Files.isReadable(GOLD), "skipped: " + GOLD + " is absent (no ../shared checkout)");
    Tagger tagger = Tagger.builtIn();
    List<LabeledItem> gold = new ArrayList<>();
    List<LabeledItem> predicted = new ArrayList<>();
    for (String line : Files.readAllLines(GOLD, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        LabeledItem item = labeled(json.readTree(line));
        gold.add(item);
        predicted.add(Predictions.of(item.id(), tagger.tag(item.text())));
      }
    }

    Scorecard s = Scorecard.score(gold, predicted);

    assertThat(s.core().f1()).as("core F1").isGreaterThanOrEqualTo(0.90);
    assertThat(s.micro().f1()).as("micro F1").isGreaterThanOrEqualTo(0.88);
    assertThat(s.companies().f1()).as("companies F1").isGreaterThanOrEqualTo(0.95);
    assertThat(s.fieldAccuracy()).as("field accuracy").isGreaterThanOrEqualTo(0.85);
  }

  private static LabeledItem labeled(JsonNode item) {
    List<String> companies = strings(item.path("companies"));
    List<LabeledEvent> events = new ArrayList<>();
    item.path("events").forEach(e -> events.add(labeledEvent(e)));
    return new LabeledItem(item.get("id").asText(), item.path("text").asText(), companies, events);
  }

  private static LabeledEvent labeledEvent(JsonNode e) {
    return new LabeledEvent(
        text(e, "type"),
        text(e, "status"),
        e.path("ended").asBoolean(false),
        e.path("relaxed").asBoolean(false),
        strings(e.path("parties")),
        text(e, "target"),
        text(e, "acquirer"),
        e.path("amount_usd").isNumber() ? e.get("amount_usd").asDouble() : null,
        e.path("valuation_usd").isNumber() ? e.get("valuation_usd").asDouble() : null);
  }

  private static String text(JsonNode node, String key) {
    return node.path(key).isTextual() ? node.get(key).asText() : null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

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
