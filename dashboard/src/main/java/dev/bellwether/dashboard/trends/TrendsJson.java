package dev.bellwether.dashboard.trends;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bellwether.schemas.TrendSeries;
import dev.bellwether.schemas.avro.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of {@code GET /api/trends}: {@code {"window":"day","from":...,"to":...,"series":[
 * {"company":...,"type":...,"points":[{"start":...,"count":3}]}]}}, times as ISO-8601 instants.
 */
public final class TrendsJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrendsJson() {}

  public static String write(TrendCounts trends) {
    ObjectNode root = JSON.createObjectNode();
    root.put("window", trends.window());
    root.put("from", trends.from().toString());
    root.put("to", trends.to().toString());
    ArrayNode series = root.putArray("series");
    for (TrendSeries s : trends.series()) {
      ObjectNode node = series.addObject();
      node.put("company", s.company());
      node.put("type", s.type().name());
      ArrayNode points = node.putArray("points");
      for (TrendSeries.Point p : s.points()) {
        points.addObject().put("start", p.start().toString()).put("count", p.count());
      }
    }
    return root.toString();
  }

  /** {@code {"error": message}}. */
  public static String error(String message) {
    return JSON.createObjectNode().put("error", message).toString();
  }

  /**
   * The series of an answer written by {@link #write}, as another instance sent it.
   *
   * @throws IllegalArgumentException if {@code json} is not such an answer
   */
  public static List<TrendSeries> readSeries(String json) {
    try {
      JsonNode series = JSON.readTree(json).path("series");
      if (!series.isArray()) {
        throw new IllegalArgumentException("no series in the answer");
      }
      List<TrendSeries> result = new ArrayList<>();
      for (JsonNode s : series) {
        List<TrendSeries.Point> points = new ArrayList<>();
        for (JsonNode p : s.path("points")) {
          points.add(
              new TrendSeries.Point(
                  Instant.parse(p.path("start").asText()), p.path("count").asLong()));
        }
        result.add(
            new TrendSeries(
                s.path("company").asText(), EventType.valueOf(s.path("type").asText()), points));
      }
      return result;
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException("not a trends answer: " + e.getMessage(), e);
    }
  }
}
