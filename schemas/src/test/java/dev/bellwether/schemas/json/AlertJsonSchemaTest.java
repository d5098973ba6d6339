package dev.bellwether.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertKind;
import dev.bellwether.schemas.avro.AlertSource;
import dev.bellwether.schemas.avro.EventStatus;
import dev.bellwether.schemas.avro.EventType;
import dev.bellwether.schemas.avro.Evidence;
import dev.bellwether.schemas.avro.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * docs/alerts.schema.json, the JSON Schema of {@code bellwether.alerts.json} published for
 * consumers, says what {@link JsonLines} writes: every field of the Avro alert, required, with the
 * Avro enums' symbols, and an alert written and read back is the same alert.
 */
class AlertJsonSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode published() throws IOException {
    return JSON.readTree(Path.of("..", "docs", "alerts.schema.json").toFile());
  }

  @Test
  void thePublishedSchemaListsEveryFieldOfTheAlertAsRequired() throws IOException {
    JsonNode schema = published();
    List<String> fields =
        Alert.getClassSchema().getFields().stream().map(Schema.Field::name).toList();

    List<String> properties = new ArrayList<>();
    schema.get("properties").fieldNames().forEachRemaining(properties::add);
    List<String> required = new ArrayList<>();
    schema.get("required").forEach(n -> required.add(n.asText()));

    assertThat(properties).containsExactlyElementsOf(fields);
    assertThat(required).containsExactlyElementsOf(fields);
    assertThat(symbols(schema, "kind")).isEqualTo(symbols(AlertKind.getClassSchema()));
    assertThat(symbols(schema, "eventType")).isEqualTo(symbols(EventType.getClassSchema()));
    assertThat(symbols(schema, "status")).isEqualTo(symbols(EventStatus.getClassSchema()));
    assertThat(symbols(schema, "severity")).isEqualTo(symbols(Severity.getClassSchema()));
  }

  @Test
  void anAlertWrittenAsJsonHasTheSchemasFieldsAndReadsBackTheSame() throws IOException {
    Alert alert = sample();

    String line = JsonLines.line(alert);
    JsonNode json = JSON.readTree(line);
    List<String> written = new ArrayList<>();
    json.fieldNames().forEachRemaining(written::add);
    List<String> published = new ArrayList<>();
    published().get("properties").fieldNames().forEachRemaining(published::add);

    assertThat(written).isEqualTo(published);
    assertThat(json.get("firstSeen").asText()).isEqualTo("2026-12-02T09:30:00Z");
    assertThat(json.get("sources").get(0).get("time").asText()).isEqualTo("2026-12-02T09:30:00Z");
    assertThat(json.get("facts").get("amount_usd").asText()).isEqualTo("120000000");
    assertThat(line).doesNotContain("\n");
    assertThat(AlertJsonLines.parse(line)).isEqualTo(alert);
  }

  private static List<String> symbols(JsonNode schema, String property) {
    List<String> values = new ArrayList<>();
    schema.get("properties").get(property).get("enum").forEach(n -> values.add(n.asText()));
    return values;
  }

  private static List<String> symbols(Schema avroEnum) {
    return avroEnum.getEnumSymbols();
  }

  private static Alert sample() {
    Instant t = Instant.parse("2026-12-02T09:30:00Z");
    return Alert.newBuilder()
        .setId("st-lumen-1")
        .setStoryId("st-lumen")
        .setKind(AlertKind.NEW)
        .setEventType(EventType.FUNDING)
        .setStatus(EventStatus.ANNOUNCED)
        .setCompanies(List.of("Lumen Labs", "Northwind Capital"))
        .setHeadline("Lumen Labs raises $120 million \u2014 \u201coptical\u201d chips")
        .setSummary("Lumen Labs raised $120 million led by Northwind Capital.")
        .setFacts(Map.of("amount_usd", "120000000", "investors", "Northwind Capital"))
        .setEvidence(new Evidence("Lumen Labs raised $120 million.", 0, 31))
        .setSources(List.of(new AlertSource("Wire", "https://wire.example/a", t)))
        .setFirstSeen(t)
        .setSeverity(Severity.HIGH)
        .setRuleId("frontier-labs-all")
        .setReason("first report")
        .build();
  }
}
