package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bellwether.processors.ProcessorsRunner;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.FeedItem;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bellwether process} as its own JVM against a real broker: health and metrics over HTTP,
 * then SIGTERM while records are in flight. It exits 0 within the bound, what it processed is
 * committed with its offsets, and a restart processes the rest: every item comes out exactly once.
 */
class ProcessRoleIT {
  /** A hang guard, not a measurement: the role's own bound plus start-up slack. */
  private static final Duration EXIT_GUARD = ShutdownSignals.BOUND.plusSeconds(15);

  private static final Duration WAIT = Duration.ofSeconds(120);
  @RegisterExtension static final SharedBroker kafka = new SharedBroker(3);

  @TempDir Path dir;

  @Test
  void servesHealthAndMetricsThenStopsOnSigtermWithNothingLostOrRepeated() throws Exception {
    List<FeedItem> first = items("first", 6);
    List<FeedItem> second = items("second", 6);

    try (RoleProcess role = startRole()) {
      assertThat(role.get("/health/live").statusCode()).isEqualTo(200);
      role.awaitReady(WAIT);

      kafka.topics().publish(Topics.DISCOVERED, first);
      await("the first items tagged")
          .atMost(WAIT)
          .until(() -> kafka.topics().records(Topics.TAGGED.name()).size() >= first.size());

      String metrics = role.get("/metrics").body();
      assertThat(metrics)
          .contains("bellwether_tagging_seconds_count{role=\"process\"} 6")
          .contains("bellwether_alerts_total{event_type=\"funding\",role=\"process\"} 3.0")
          .contains("bellwether_alert_lag_seconds_count{role=\"process\"} 3")
          .contains("kafka_stream_alive_stream_threads")
          .contains("jvm_memory_used_bytes");

      kafka.topics().publish(Topics.DISCOVERED, second);
      assertThat(role.terminate(EXIT_GUARD)).as(role.log()).isZero();
      assertThat(role.log()).contains("Processors closed; offsets committed");
    }
    assertThat(outputKeys(Topics.NEW_ITEMS.name()))
        .as("every item read before SIGTERM was written with its offset, and only those")
        .hasSize(
            (int)
                kafka.topics().committed(ProcessorsRunner.APPLICATION_ID, Topics.DISCOVERED.name()))
        .doesNotHaveDuplicates();

    try (RoleProcess again = startRole()) {
      again.awaitReady(WAIT);
      await("the rest processed after the restart")
          .atMost(WAIT)
          .until(() -> kafka.topics().records(Topics.TAGGED.name()).size() >= 12);
      assertThat(again.terminate(EXIT_GUARD)).as(again.log()).isZero();
    }
    List<String> all = new ArrayList<>();
    first.forEach(i -> all.add(i.getId()));
    second.forEach(i -> all.add(i.getId()));
    assertThat(outputKeys(Topics.NEW_ITEMS.name())).containsExactlyInAnyOrderElementsOf(all);
    assertThat(outputKeys(Topics.ARTICLES.name())).containsExactlyInAnyOrderElementsOf(all);
    assertThat(outputKeys(Topics.TAGGED.name())).containsExactlyInAnyOrderElementsOf(all);
    assertThat(kafka.topics().committed(ProcessorsRunner.APPLICATION_ID, Topics.DISCOVERED.name()))
        .isEqualTo(kafka.topics().end(Topics.DISCOVERED.name()));
  }

  private RoleProcess startRole() throws Exception {
    return RoleProcess.start(
        dir,
        "process",
        "--bootstrap-servers",
        kafka.bootstrapServers(),
        "--state-dir",
        dir.resolve("streams").toString(),
        "--articles-from-feed-summaries",
        "--http-port",
        "0");
  }

  private static List<String> outputKeys(String topic) {
    return kafka.topics().records(topic).stream().map(ConsumerRecord::key).toList();
  }

  /** Half announce a funding round of a watched company, half report nothing to alert on. */
  private static List<FeedItem> items(String batch, int count) {
    List<FeedItem> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = batch + "-" + i;
      boolean funding = i % 2 == 0;
      items.add(
          FeedItem.newBuilder()
              .setId(id)
              .setSourceId("techwire")
              .setSourceType("rss")
              .setOutlet("TechWire")
              .setUrl("https://techwire.example/" + id)
              .setTitle(
                  funding
                      ? "Anthropic raises $" + (10 + i) + " billion in a new round"
                      : "Weather turns cold in the north, story " + id)
              .setSummary(funding ? "The round was led by ICONIQ." : "Nothing about companies.")
              .setPublished(Instant.now().minusSeconds(60))
              .setDiscovered(Instant.now())
              .setAttributes(Map.of())
              .build());
    }
    return items;
  }
}
