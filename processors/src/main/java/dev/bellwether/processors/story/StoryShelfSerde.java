package dev.bellwether.processors.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bellwether.core.story.FactReading;
import dev.bellwether.core.story.Fingerprint;
import dev.bellwether.core.story.Source;
import dev.bellwether.core.story.Story;
import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Format 1 of the {@code stories} store: the open stories of one signature key as one JSON value
 * with a format version. Stores are now written in format 2 ({@link StoryCodec}, one entry per
 * story); this reads what older versions wrote so that {@link StoryProcessor} can rewrite it, and
 * writes it for the tests of that.
 */
final class StoryShelfSerde {
  private static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoryShelfSerde() {}

  static byte[] bytes(List<TrackedStory> shelf) {
    ObjectNode root = JSON.createObjectNode().put("format", FORMAT);
    ArrayNode stories = root.putArray("stories");
    shelf.forEach(t -> stories.add(tracked(t)));
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<TrackedStory> shelf(byte[] data) {
    try {
      JsonNode root = JSON.readTree(data);
      if (root.path("format").asInt() != FORMAT) {
        throw new SerializationException("unknown story store format " + root.path("format"));
      }
      List<TrackedStory> shelf = new ArrayList<>();
      root.path("stories").forEach(n -> shelf.add(tracked(n)));
      return shelf;
    } catch (IOException e) {
      throw new SerializationException("unreadable story store entry", e);
    }
  }

  private static ObjectNode tracked(TrackedStory t) {
    ObjectNode n = JSON.createObjectNode();
    n.put("headline", t.headline()).put("summary", t.summary());
    n.put("ruleId", t.ruleId()).put("ruleVersion", t.ruleVersion()).put("alerts", t.alerts());
    Story s = t.story();
    ObjectNode story = n.putObject("story");
    story.put("id", s.id()).put("type", s.type().name()).put("status", s.status().name());
    story.put("ended", s.ended()).put("relaxed", s.relaxed());
    story.put("firstSeen", s.firstSeen().toEpochMilli());
    story.put("lastUpdated", s.lastUpdated().toEpochMilli());
    s.companies().forEach(story.putArray("companies")::add);
    ArrayNode sources = story.putArray("sources");
    for (Source src : s.sources()) {
      sources
          .addObject()
          .put("outlet", src.outlet())
          .put("url", src.url())
          .put("published", src.published().toEpochMilli());
    }
    ObjectNode readings = story.putObject("readings");
    s.readings()
        .forEach(
            (fact, values) -> {
              ArrayNode list = readings.putArray(fact);
              for (FactReading r : values) {
                list.addObject()
                    .put("value", r.value())
                    .put("sources", r.sources())
                    .put("firstSeen", r.firstSeen().toEpochMilli());
              }
            });
    ObjectNode lists = story.putObject("lists");
    s.lists().forEach((fact, values) -> values.forEach(lists.putArray(fact)::add));
    ArrayNode prints = story.putArray("fingerprints");
    for (Fingerprint f : s.fingerprints()) {
      ArrayNode values = prints.addArray();
      for (int v : f.toArray()) {
        values.add(v);
      }
    }
    return n;
  }

  private static TrackedStory tracked(JsonNode n) {
    JsonNode s = n.path("story");
    List<String> companies = new ArrayList<>();
    s.path("companies").forEach(c -> companies.add(c.asText()));
    List<Source> sources = new ArrayList<>();
    s.path("sources")
        .forEach(
            src ->
                sources.add(
                    new Source(
                        src.path("outlet").asText(),
                        src.path("url").asText(),
                        Instant.ofEpochMilli(src.path("published").asLong()))));
    Map<String, List<FactReading>> readings = new LinkedHashMap<>();
    s.path("readings")
        .fields()
        .forEachRemaining(
            e -> {
              List<FactReading> values = new ArrayList<>();
              e.getValue()
                  .forEach(
                      r ->
                          values.add(
                              new FactReading(
                                  r.path("value").asText(),
                                  r.path("sources").asLong(),
                                  Instant.ofEpochMilli(r.path("firstSeen").asLong()))));
              readings.put(e.getKey(), values);
            });
    Map<String, List<String>> lists = new LinkedHashMap<>();
    s.path("lists")
        .fields()
        .forEachRemaining(
            e -> {
              List<String> values = new ArrayList<>();
              e.getValue().forEach(v -> values.add(v.asText()));
              lists.put(e.getKey(), values);
            });
    List<Fingerprint> prints = new ArrayList<>();
    s.path("fingerprints")
        .forEach(
            f -> {
              int[] values = new int[f.size()];
              for (int i = 0; i < values.length; i++) {
                values[i] = f.get(i).asInt();
              }
              prints.add(Fingerprint.fromArray(values));
            });
    Story story =
        new Story(
            s.path("id").asText(),
            EventType.valueOf(s.path("type").asText()),
            companies,
            EventStatus.valueOf(s.path("status").asText()),
            s.path("ended").asBoolean(),
            s.path("relaxed").asBoolean(),
            Instant.ofEpochMilli(s.path("firstSeen").asLong()),
            Instant.ofEpochMilli(s.path("lastUpdated").asLong()),
            sources,
            readings,
            lists,
            prints);
    JsonNode rule = n.path("ruleId");
    return new TrackedStory(
        story,
        n.path("headline").asText(),
        n.path("summary").asText(),
        rule.isNull() || rule.isMissingNode() ? null : rule.asText(),
        n.path("ruleVersion").asInt(),
        n.path("alerts").asInt());
  }
}
