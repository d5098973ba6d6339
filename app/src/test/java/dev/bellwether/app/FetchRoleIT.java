package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bellwether.ingest.page.PageFetcher;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.FeedItem;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bellwether fetch} as its own JVM against a real broker, its pages on a loopback server
 * that answers 404: health and metrics over HTTP, then SIGTERM. It exits 0 within the bound with
 * one article per item and the items' offsets committed, so a restarted fetcher reads none again.
 */
class FetchRoleIT {
  private static final Duration EXIT_GUARD = ShutdownSignals.BOUND.plusSeconds(15);
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int ITEMS = 4;

  @RegisterExtension static final SharedBroker kafka = new SharedBroker(3);
  private static MockWebServer pages;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    pages = CannedWeb.serve(request -> CannedWeb.status(404));
  }

  @AfterAll
  static void stop() throws Exception {
    pages.close();
  }

  @Test
  void servesHealthAndMetricsThenStopsOnSigtermWithEachItemWrittenOnceAndCommitted()
      throws Exception {
    List<FeedItem> items = items(ITEMS);

    try (RoleProcess role =
        RoleProcess.start(
            dir,
            "fetch",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--instance-id",
            "fetch-it",
            "--allow-private",
            "--http-port",
            "0")) {
      assertThat(role.get("/health/live").statusCode()).isEqualTo(200);
      await("/health/ready answers 200")
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> role.get("/health/ready").statusCode() == 200);

      kafka.topics().publish(Topics.NEW_ITEMS, items);
      await("one article per item")
          .atMost(WAIT)
          .until(() -> kafka.topics().records(Topics.ARTICLES.name()).size() >= ITEMS);

      String metrics = role.get("/metrics").body();
      assertThat(metrics)
          .contains("bellwether_fetch_errors_total{kind=\"http_status\",role=\"fetch\"} 4.0")
          .contains("kafka_consumer_fetch_manager_records_consumed_total")
          .contains("kafka_producer_record_send_total")
          .contains("jvm_memory_used_bytes");

      assertThat(role.terminate(EXIT_GUARD)).as(role.log()).isZero();
      assertThat(role.log()).contains("page fetcher fetch-it stopped");
    }

    List<ConsumerRecord<String, byte[]>> articles = kafka.topics().records(Topics.ARTICLES.name());
    assertThat(articles)
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrderElementsOf(items.stream().map(FeedItem::getId).toList());
    assertThat(articles)
        .extracting(r -> BellwetherSerdes.article().deserialize(r.topic(), r.value()))
        .extracting(Article::getFallbackReason)
        .containsOnly("HTTP 404");
    assertThat(kafka.topics().committed(PageFetcher.GROUP_ID, Topics.NEW_ITEMS.name()))
        .as("a restarted fetcher reads none of these items again")
        .isEqualTo(kafka.topics().end(Topics.NEW_ITEMS.name()));
  }

  private static List<FeedItem> items(int count) {
    List<FeedItem> items = new ArrayList<>();
    String base = CannedWeb.base(pages) + "/news/";
    for (int i = 0; i < count; i++) {
      String id = "item-" + i;
      items.add(
          FeedItem.newBuilder()
              .setId(id)
              .setSourceId("wire")
              .setSourceType("rss")
              .setOutlet("Wire")
              .setUrl(base + id)
              .setTitle("Headline " + id)
              .setSummary("Summary of " + id)
              .setPublished(Instant.now().minusSeconds(60))
              .setDiscovered(Instant.now())
              .setAttributes(Map.of())
              .build());
    }
    return items;
  }
}
