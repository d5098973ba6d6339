package dev.bellwether.core.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Open stories in memory, with the candidate index a processor keeps in its key-value stores: index
 * key → story ids, story id → story. For tests, replay and one-JVM use; not thread-safe.
 */
public final class OpenStories {
  private final StoryClusterer clusterer;
  private final Map<String, Story> stories = new LinkedHashMap<>();
  private final Map<String, Set<String>> index = new HashMap<>();

  public OpenStories(StoryClusterer clusterer) {
    this.clusterer = clusterer;
  }

  /** Adds a report to its story, or starts one, and says which alert that warrants. */
  public Assignment add(Report report) {
    Set<String> ids = new LinkedHashSet<>();
    clusterer.indexKeys(report).forEach(k -> ids.addAll(index.getOrDefault(k, Set.of())));
    List<Story> candidates = ids.stream().map(stories::get).toList();
    Assignment a = clusterer.assign(report, candidates);
    remember(a.after());
    return a;
  }

  private void remember(Story story) {
    stories.put(story.id(), story);
    clusterer
        .indexKeys(story)
        .forEach(k -> index.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(story.id()));
  }

  /** Drops the stories that can take no more sources at stream time {@code now}. */
  public int closeBefore(Instant now) {
    List<Story> closed = stories.values().stream().filter(s -> clusterer.isClosed(s, now)).toList();
    for (Story s : closed) {
      stories.remove(s.id());
      index.values().forEach(ids -> ids.remove(s.id()));
    }
    index.values().removeIf(Set::isEmpty);
    return closed.size();
  }

  /** The open stories, in the order they were started. */
  public Collection<Story> stories() {
    return new ArrayList<>(stories.values());
  }
}
