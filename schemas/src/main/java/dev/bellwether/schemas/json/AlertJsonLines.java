package dev.bellwether.schemas.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertKind;
import dev.bellwether.schemas.avro.AlertSource;
import dev.bellwether.schemas.avro.EventStatus;
import dev.bellwether.schemas.avro.EventType;
import dev.bellwether.schemas.avro.Evidence;
import dev.bellwether.schemas.avro.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an alert back from the JSON line {@link JsonLines} writes ({@code bellwether tail --json}
 * on the alerts topic). Missing optional fields take the schema's defaults.
 */
public final class AlertJsonLines {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AlertJsonLines() {}

  /**
   * @throws IllegalArgumentException naming what is wrong with the line
   */
  public static Alert parse(String line) {
    JsonNode json;
    try {
      json = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    try {
      Instant firstSeen = Instant.parse(text(json, "firstSeen"));
      return Alert.newBuilder()
          .setId(text(json, "id"))
          .setStoryId(text(json, "storyId"))
          .setKind(AlertKind.valueOf(json.path("kind").asText("NEW").toUpperCase(Locale.ROOT)))
          .setEventType(EventType.valueOf(text(json, "eventType").toUpperCase(Locale.ROOT)))
          .setStatus(EventStatus.valueOf(text(json, "status").toUpperCase(Locale.ROOT)))
          .setEnded(json.path("ended").asBoolean(false))
          .setRelaxed(json.path("relaxed").asBoolean(false))
          .setCompanies(strings(json.path("companies")))
          .setHeadline(text(json, "headline"))
          .setSummary(json.path("summary").asText(""))
          .setFacts(map(json.path("facts")))
          .setEvidence(
              new Evidence(
                  json.path("evidence").path("text").asText(""),
                  json.path("evidence").path("start").asInt(0),
                  json.path("evidence").path("end").asInt(0)))
          .setSources(sources(json.path("sources")))
          .setFirstSeen(firstSeen)
          .setSeverity(Severity.valueOf(json.path("severity").asText("MEDIUM")))
          .setRuleId(json.path("ruleId").asText(""))
          .setReason(json.path("reason").asText(""))
          .setConflicts(map(json.path("conflicts")))
          .setRuleVersion(json.path("ruleVersion").asInt(0))
          .build();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not an alert: " + e.getMessage());
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("'" + field + "' is missing");
    }
    return value.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static Map<String, String> map(JsonNode object) {
    Map<String, String> values = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
    return values;
  }

  private static List<AlertSource> sources(JsonNode array) {
    List<AlertSource> sources = new ArrayList<>();
    for (JsonNode s : array) {
      sources.add(
          new AlertSource(
              s.path("outlet").asText(""),
              s.path("url").asText(""),
              Instant.parse(text(s, "time"))));
    }
    return sources;
  }
}
