package dev.bellwether.processors.story;

import dev.bellwether.core.story.Source;
import dev.bellwether.core.story.Story;
import dev.bellwether.core.watchlist.Severity;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertKind;
import dev.bellwether.schemas.avro.AlertSource;
import dev.bellwether.schemas.avro.EventStatus;
import dev.bellwether.schemas.avro.EventType;
import dev.bellwether.schemas.avro.TaggedEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the alert records of a story. */
final class StoryAlerts {
  private static final int SUMMARY_LIMIT = 400;

  private StoryAlerts() {}

  /**
   * An alert about the story as it now stands: its reconciled facts and recorded conflicts, every
   * source, and the evidence of the event that triggered it.
   */
  static Alert alert(
      TrackedStory tracked,
      AlertKind kind,
      String reason,
      TaggedEvent trigger,
      String ruleId,
      Severity severity,
      int ruleVersion) {
    Story story = tracked.story();
    List<AlertSource> sources = new ArrayList<>();
    for (Source s : story.sources()) {
      sources.add(new AlertSource(s.outlet(), s.url(), s.published()));
    }
    return Alert.newBuilder()
        .setId(story.id() + "-" + (tracked.alerts() + 1))
        .setStoryId(story.id())
        .setKind(kind)
        .setEventType(EventType.valueOf(story.type().name()))
        .setStatus(EventStatus.valueOf(story.status().name()))
        .setEnded(story.ended())
        .setRelaxed(story.relaxed())
        .setCompanies(story.companies())
        .setHeadline(tracked.headline())
        .setSummary(tracked.summary())
        .setFacts(facts(story))
        .setEvidence(trigger.getEvidence())
        .setSources(sources)
        .setFirstSeen(story.firstSeen())
        .setSeverity(dev.bellwether.schemas.avro.Severity.valueOf(severity.name()))
        .setRuleId(ruleId)
        .setReason(reason)
        .setConflicts(conflicts(story))
        .setRuleVersion(ruleVersion)
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

  /**
   * The text's start on one line: runs of white space as one space, cut at {@value #SUMMARY_LIMIT}
   * characters with an ellipsis. Reads only as much of the text as the summary needs (an article
   * can hold 100,000 characters).
   */
  static String summary(String text) {
    StringBuilder oneLine = new StringBuilder(SUMMARY_LIMIT + 1);
    boolean space = false;
    for (int i = 0; i < text.length() && oneLine.length() <= SUMMARY_LIMIT; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = oneLine.length() > 0;
      } else {
        if (space) {
          oneLine.append(' ');
          space = false;
        }
        oneLine.append(c);
      }
    }
    return oneLine.length() <= SUMMARY_LIMIT
        ? oneLine.toString()
        : oneLine.substring(0, SUMMARY_LIMIT - 1).strip() + "…";
  }
}
