package dev.bellwether.schemas;

import java.util.Map;
import java.util.Objects;

/**
 * A topic Bellwether owns: its name, partition count and topic-level configs.
 *
 * @param replicationFactor {@code -1} means the broker's default
 */
public record TopicSpec(
    String name, int partitions, short replicationFactor, Map<String, String> configs) {
  public TopicSpec {
    Objects.requireNonNull(name, "name");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be positive: " + partitions);
    }
    configs = Map.copyOf(configs);
  }

  /** The same topic with another partition count, for small local clusters or big ones. */
  public TopicSpec withPartitions(int count) {
    return new TopicSpec(name, count, replicationFactor, configs);
  }

  public boolean isCompacted() {
    return "compact".equals(configs.get("cleanup.policy"));
  }
}
