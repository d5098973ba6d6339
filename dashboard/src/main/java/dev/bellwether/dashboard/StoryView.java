package dev.bellwether.dashboard;

import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A story as its alerts tell it: the newest alert's view of it (headline, facts, status), every
 * source that reported it in time order, and the sentences its events were read from.
 *
 * @param latest the story's newest alert held
 * @param firstSeen when the story's first source was seen
 * @param sources every source of every alert, once per URL, oldest first
 * @param evidence the distinct evidence sentences, in the order the alerts brought them
 * @param alerts the story's alerts held, oldest first
 */
public record StoryView(
    String id,
    AlertEntry latest,
    Instant firstSeen,
    List<AlertSource> sources,
    List<String> evidence,
    List<AlertEntry> alerts) {

  static StoryView of(String id, List<AlertEntry> alertsOldestFirst) {
    List<AlertEntry> alerts = List.copyOf(alertsOldestFirst);
    AlertEntry latest = alerts.get(alerts.size() - 1);
    Map<String, AlertSource> sources = new LinkedHashMap<>();
    Set<String> evidence = new LinkedHashSet<>();
    Instant firstSeen = latest.alert().getFirstSeen();
    for (AlertEntry entry : alerts) {
      Alert alert = entry.alert();
      alert.getSources().forEach(s -> sources.putIfAbsent(s.getUrl(), s));
      String sentence = alert.getEvidence().getText().strip();
      if (!sentence.isEmpty()) {
        evidence.add(sentence);
      }
      if (alert.getFirstSeen().isBefore(firstSeen)) {
        firstSeen = alert.getFirstSeen();
      }
    }
    List<AlertSource> timeline = new ArrayList<>(sources.values());
    timeline.sort(Comparator.comparing(AlertSource::getTime));
    return new StoryView(id, latest, firstSeen, timeline, List.copyOf(evidence), alerts);
  }
}
