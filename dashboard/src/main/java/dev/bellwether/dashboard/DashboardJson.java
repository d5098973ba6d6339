package dev.bellwether.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertSource;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/** The JSON of the dashboard's API (docs/api.md): alerts, pages of them, stories and errors. */
public final class DashboardJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DashboardJson() {}

  /** One alert, as {@code GET /api/alerts} lists it and the stream sends it. */
  public static ObjectNode alert(AlertEntry entry) {
    Alert a = entry.alert();
    ObjectNode o = JSON.createObjectNode();
    o.put("seq", entry.seq());
    o.put("id", a.getId());
    o.put("storyId", a.getStoryId());
    o.put("kind", a.getKind().name());
    o.put("time", entry.time().toString());
    putStoryState(o, a);
    ObjectNode evidence = o.putObject("evidence");
    evidence.put("text", a.getEvidence().getText());
    evidence.put("start", a.getEvidence().getStart());
    evidence.put("end", a.getEvidence().getEnd());
    o.set("sources", sources(a.getSources()));
    o.put("firstSeen", a.getFirstSeen().toString());
    o.put("ruleId", a.getRuleId());
    o.put("ruleVersion", a.getRuleVersion());
    o.put("reason", a.getReason());
    return o;
  }

  /** {@code {"alerts": [...], "matched": n, "held": n, "filter": {...}}}. */
  public static String page(AlertLog.Page page, AlertFilter filter, int held) {
    ObjectNode o = JSON.createObjectNode();
    ArrayNode alerts = o.putArray("alerts");
    page.alerts().forEach(e -> alerts.add(alert(e)));
    o.put("matched", page.matched());
    o.put("held", held);
    ObjectNode f = o.putObject("filter");
    filter.parameters().forEach(f::put);
    return write(o);
  }

  /** A story: the newest alert's view, its timeline of sources, evidence and alerts. */
  public static String story(StoryView story) {
    Alert latest = story.latest().alert();
    ObjectNode o = JSON.createObjectNode();
    o.put("id", story.id());
    putStoryState(o, latest);
    o.put("firstSeen", story.firstSeen().toString());
    o.set("sources", sources(story.sources()));
    ArrayNode evidence = o.putArray("evidence");
    story.evidence().forEach(evidence::add);
    ArrayNode alerts = o.putArray("alerts");
    for (AlertEntry e : story.alerts()) {
      ObjectNode a = alerts.addObject();
      a.put("seq", e.seq());
      a.put("id", e.alert().getId());
      a.put("kind", e.alert().getKind().name());
      a.put("time", e.time().toString());
      a.put("reason", e.alert().getReason());
      a.put("ruleId", e.alert().getRuleId());
    }
    return write(o);
  }

  /** {@code {"error": message}}. */
  public static String error(String message) {
    ObjectNode o = JSON.createObjectNode();
    o.put("error", message);
    return write(o);
  }

  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What an alert says about its story: type, status, companies, headline, facts, severity. */
  private static void putStoryState(ObjectNode o, Alert a) {
    o.put("eventType", a.getEventType().name());
    o.put("status", a.getStatus().name());
    o.put("ended", a.getEnded());
    o.put("relaxed", a.getRelaxed());
    ArrayNode companies = o.putArray("companies");
    a.getCompanies().forEach(companies::add);
    o.put("headline", a.getHeadline());
    o.put("summary", a.getSummary());
    o.set("facts", map(a.getFacts()));
    o.set("conflicts", map(a.getConflicts()));
    o.put("severity", a.getSeverity().name());
  }

  private static ObjectNode map(Map<String, String> values) {
    ObjectNode o = JSON.createObjectNode();
    new TreeMap<>(values).forEach(o::put);
    return o;
  }

  private static ArrayNode sources(Iterable<AlertSource> sources) {
    ArrayNode array = JSON.createArrayNode();
    for (AlertSource s : sources) {
      ObjectNode o = array.addObject();
      o.put("outlet", s.getOutlet());
      o.put("url", s.getUrl());
      o.put("time", s.getTime().toString());
    }
    return array;
  }
}
