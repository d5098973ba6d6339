package dev.bellwether.schemas;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Every topic of the pipeline, in flow order. All names start with {@code bellwether.}. */
public final class Topics {
  private static final short BROKER_DEFAULT = -1;
  private static final String RETENTION_30_DAYS = Long.toString(Duration.ofDays(30).toMillis());
  private static final String RETENTION_90_DAYS = Long.toString(Duration.ofDays(90).toMillis());

  /** Source definitions keyed by source id; compacted, so it holds the current set. */
  public static final TopicSpec SOURCES =
      new TopicSpec(
          "bellwether.sources",
          6,
          BROKER_DEFAULT,
          Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0"));

  /** Every item seen at a source, repeats included. Key: item id. Value: FeedItem. */
  public static final TopicSpec DISCOVERED = events("bellwether.discovered", RETENTION_30_DAYS);

  /** Items seen for the first time. Key: item id. Value: FeedItem. */
  public static final TopicSpec NEW_ITEMS = events("bellwether.new-items", RETENTION_30_DAYS);

  /** Article text ready for tagging. Key: item id. Value: Article. */
  public static final TopicSpec ARTICLES = events("bellwether.articles", RETENTION_90_DAYS);

  /** Articles with companies and events. Key: item id. Value: TaggedArticle. */
  public static final TopicSpec TAGGED = events("bellwether.tagged", RETENTION_90_DAYS);

  /** What analysts subscribe to. Key: story id. Value: Alert. */
  public static final TopicSpec ALERTS = events("bellwether.alerts", RETENTION_90_DAYS);

  /**
   * Every alert again, written in the same transaction, as one UTF-8 JSON object for clients
   * without Avro (kcat, Python, Node, Kafka Connect). Key: story id, UTF-8. Value: the fields
   * {@code bellwether tail --json} prints (docs/alerts.schema.json).
   */
  public static final TopicSpec ALERTS_JSON = events("bellwether.alerts.json", RETENTION_90_DAYS);

  /** Input that could not be used, with stage and reason. Value: DeadLetter. */
  public static final TopicSpec DLQ = events("bellwether.dlq", RETENTION_90_DAYS);

  private Topics() {}

  /** All topics, in flow order. */
  public static List<TopicSpec> all() {
    return List.of(SOURCES, DISCOVERED, NEW_ITEMS, ARTICLES, TAGGED, ALERTS, ALERTS_JSON, DLQ);
  }

  /** Accepts a short name ({@code alerts}) or a full one ({@code bellwether.alerts}). */
  public static TopicSpec byName(String name) {
    String full = name.startsWith("bellwether.") ? name : "bellwether." + name;
    return all().stream()
        .filter(t -> t.name().equals(full))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown topic '" + name + "'; known: " + shortNames()));
  }

  /** Short names of all topics, for help texts and errors. */
  public static List<String> shortNames() {
    return all().stream().map(t -> t.name().substring("bellwether.".length())).toList();
  }

  private static TopicSpec events(String name, String retentionMs) {
    return new TopicSpec(name, 6, BROKER_DEFAULT, Map.of("retention.ms", retentionMs));
  }
}
