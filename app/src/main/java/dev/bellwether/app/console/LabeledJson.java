package dev.bellwether.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bellwether.core.eval.LabeledEvent;
import dev.bellwether.core.eval.LabeledItem;
import dev.bellwether.core.tagging.CompanyMention;
import dev.bellwether.core.tagging.DetectedEvent;
import dev.bellwether.core.tagging.EventType;
import dev.bellwether.core.tagging.Tagging;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of the labeled event set ({@code ../shared/eval/README.md}): taggings written in it, so
 * that {@code score_events.py} scores them directly, and labeled or predicted lines read back into
 * {@link LabeledItem}s for the scorecard.
 */
public final class LabeledJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> NUMBERS =
      Set.of("amount_usd", "valuation_usd", "amount", "valuation");
  private static final Set<String> LISTS = Set.of("parties", "investors");

  private LabeledJson() {}

  /** The text to tag for an input line: {@code title + "\n\n" + text}, or the text alone. */
  public static String textToTag(JsonNode line) {
    String text = line.path("text").asText("");
    String title = line.path("title").isTextual() ? line.get("title").asText().strip() : "";
    return title.isEmpty() ? text : title + "\n\n" + text;
  }

  /** {@code {"id", "companies": [...], "events": [...]}} for one tagged text. */
  public static ObjectNode prediction(String id, Tagging tagging) {
    ObjectNode out = NODES.objectNode().put("id", id);
    Set<String> companies = new LinkedHashSet<>();
    tagging.companies().stream().map(CompanyMention::company).forEach(companies::add);
    ArrayNode names = out.putArray("companies");
    companies.forEach(names::add);
    ArrayNode events = out.putArray("events");
    tagging.events().forEach(e -> events.add(event(e)));
    return out;
  }

  /** {@code {"id", "error"}} for an input line that could not be tagged. */
  public static ObjectNode error(@Nullable String id, String sentence) {
    ObjectNode out = NODES.objectNode();
    if (id == null) {
      out.putNull("id");
    } else {
      out.put("id", id);
    }
    return out.put("error", sentence);
  }

  /**
   * One event: type, lower-case status, its facts, flags when true, confidence, evidence and, when
   * recorded, why (the rule's cue words or the model's probability).
   */
  public static ObjectNode event(DetectedEvent e) {
    ObjectNode o = NODES.objectNode();
    o.put("type", e.type().name()).put("status", e.status().name().toLowerCase(Locale.ROOT));
    if ((e.type() == EventType.FUNDING || e.type() == EventType.IPO) && !e.companies().isEmpty()) {
      o.put("company", e.companies().get(0));
    }
    e.facts().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(f -> putFact(o, f.getKey(), f.getValue()));
    if (e.ended()) {
      o.put("ended", true);
    }
    if (e.relaxed()) {
      o.put("relaxed", true);
    }
    o.put("confidence", Math.round(e.confidence() * 1000) / 1000.0);
    o.put("evidence", e.evidence().text());
    return e.why().isEmpty() ? o : o.put("why", e.why());
  }

  private static void putFact(ObjectNode o, String key, String value) {
    if (NUMBERS.contains(key)) {
      double d = Double.parseDouble(value);
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        o.put(key, (long) d);
      } else {
        o.put(key, d);
      }
    } else if (LISTS.contains(key)) {
      ArrayNode list = o.putArray(key);
      List.of(value.split("; ")).forEach(list::add);
    } else {
      o.put(key, value);
    }
  }

  /**
   * A labeled or predicted line as an item for the scorecard.
   *
   * @throws IllegalArgumentException when the line is not an object with an id
   */
  public static LabeledItem item(JsonNode line) {
    if (!line.isObject() || !line.hasNonNull("id")) {
      throw new IllegalArgumentException("not a JSON object with an \"id\"");
    }
    List<LabeledEvent> events = new ArrayList<>();
    line.path("events").forEach(e -> events.add(labeledEvent(e)));
    return new LabeledItem(
        line.get("id").asText(), line.path("text").asText(""), strings(line, "companies"), events);
  }

  private static LabeledEvent labeledEvent(JsonNode e) {
    return new LabeledEvent(
        text(e, "type"),
        text(e, "status"),
        truthy(e.path("ended")),
        truthy(e.path("relaxed")),
        strings(e, "parties"),
        text(e, "target"),
        text(e, "acquirer"),
        number(e, "amount_usd"),
        number(e, "valuation_usd"));
  }

  /** Python's truth of a JSON value, as the scorer reads flags. */
  private static boolean truthy(JsonNode v) {
    if (v.isBoolean() || v.isNumber()) {
      return v.asDouble() != 0 || v.asBoolean();
    }
    return v.isTextual() ? !v.asText().isEmpty() : v.isContainerNode() && !v.isEmpty();
  }

  private static @Nullable String text(JsonNode node, String key) {
    JsonNode v = node.path(key);
    return v.isValueNode() && !v.isNull() ? v.asText() : null;
  }

  private static @Nullable Double number(JsonNode node, String key) {
    JsonNode v = node.path(key);
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isTextual()) {
      try {
        return Double.valueOf(v.asText().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static List<String> strings(JsonNode node, String key) {
    List<String> out = new ArrayList<>();
    node.path(key).forEach(n -> out.add(n.asText()));
    return out;
  }
}
