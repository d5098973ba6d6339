package dev.bellwether.processors.story;

import dev.bellwether.core.story.Source;
import dev.bellwether.core.story.Story;
import dev.bellwether.core.story.StoryAlert;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertKind;
import dev.bellwether.schemas.avro.AlertSource;
import dev.bellwether.schemas.avro.EventStatus;
import dev.bellwether.schemas.avro.EventType;
import dev.bellwether.schemas.avro.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the alert records of a story. */
final class StoryAlerts {
  private StoryAlerts() {}

  /**
   * The Avro alert of a story alert: the story as it now stands, its reconciled facts and recorded
   * conflicts, every source, and the evidence of the event that triggered it.
   */
  static Alert alert(StoryAlert decided, Evidence trigger) {
    Story story = decided.tracked().story();
    List<AlertSource> sources = new ArrayList<>();
    for (Source s : story.sources()) {
      sources.add(new AlertSource(s.outlet(), s.url(), s.published()));
    }
    return Alert.newBuilder()
        .setId(decided.id())
        .setStoryId(story.id())
        .setKind(AlertKind.valueOf(decided.kind().name()))
        .setEventType(EventType.valueOf(story.type().name()))
        .setStatus(EventStatus.valueOf(story.status().name()))
        .setEnded(story.ended())
        .setRelaxed(story.relaxed())
        .setCompanies(story.companies())
        .setHeadline(story.headline())
        .setSummary(story.summary())
        .setFacts(facts(story))
        .setEvidence(trigger)
        .setSources(sources)
        .setFirstSeen(story.firstSeen())
        .setSeverity(dev.bellwether.schemas.avro.Severity.valueOf(decided.severity().name()))
        .setRuleId(decided.ruleId())
        .setReason(decided.reason())
        .setConflicts(conflicts(story))
        .setRuleVersion(decided.ruleVersion())
        .build();
  }

  /** The story's facts: the most confirmed value of each, and list facts joined with "; ". */
  static Map<String, String> facts(Story story) {
    Map<String, String> facts = new TreeMap<>(story.facts());
    story.lists().forEach((k, v) -> facts.put(k, String.join("; ", v)));
    return facts;
  }

  /** Per disputed fact, the other values and how many sources gave each ("12500000000 (1)"). */
  static Map<String, String> conflicts(Story story) {
    Map<String, String> out = new LinkedHashMap<>();
    story
        .conflicts()
        .forEach(
            (fact, values) -> {
              List<String> parts = new ArrayList<>();
              values.forEach((value, n) -> parts.add(value + " (" + n + ")"));
              out.put(fact, String.join("; ", parts));
            });
    return out;
  }
}
