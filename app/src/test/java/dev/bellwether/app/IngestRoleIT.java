package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bellwether.schemas.Topics;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.mockwebserver.MockWebServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bellwether ingest} as its own JVM, polling a feed on a loopback server: not ready while
 * Kafka does not answer; with a broker, health and metrics over HTTP, then SIGTERM: it exits 0
 * within the bound with the feed's items on {@code bellwether.discovered} once each.
 */
class IngestRoleIT {
  private static final Duration EXIT_GUARD = ShutdownSignals.BOUND.plusSeconds(15);
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final String FEED =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
      <item><title>One</title><link>https://wire.example/one</link></item>
      <item><title>Two</title><link>https://wire.example/two</link></item>
      <item><title>Three</title><link>https://wire.example/three</link></item>
      </channel></rss>
      """;

  @RegisterExtension static final SharedBroker kafka = new SharedBroker(3);
  private static MockWebServer feeds;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    byte[] feed = FEED.strip().getBytes(StandardCharsets.UTF_8);
    feeds =
        CannedWeb.serve(
            request ->
                CannedWeb.path(request).equals("/feed.xml")
                    ? CannedWeb.answer(200, "application/rss+xml", feed)
                    : CannedWeb.status(404));
  }

  @AfterAll
  static void stop() throws Exception {
    feeds.close();
  }

  @Test
  void servesHealthAndMetricsThenStopsOnSigtermWithTheFeedsItemsPublishedOnce() throws Exception {
    try (RoleProcess role =
        RoleProcess.start(
            dir,
            "ingest",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--sources",
            sourcesFile().toString(),
            "--http-port",
            "0")) {
      assertThat(role.get("/health/live").statusCode()).isEqualTo(200);
      await("/health/ready answers 200")
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> role.get("/health/ready").statusCode() == 200);
      await("the feed's items published")
          .atMost(WAIT)
          .until(() -> kafka.topics().records(Topics.DISCOVERED.name()).size() >= 3);
      await("the items counted")
          .atMost(WAIT)
          .until(
              () ->
                  role.get("/metrics")
                      .body()
                      .contains(
                          "bellwether_items_published_total{role=\"ingest\",source=\"wire\"} 3.0"));

      String metrics = role.get("/metrics").body();
      assertThat(metrics)
          .contains("kafka_consumer_fetch_manager_records_consumed_total")
          .contains("kafka_producer_record_send_total")
          .contains("jvm_memory_used_bytes");

      assertThat(role.terminate(EXIT_GUARD)).as(role.log()).isZero();
      assertThat(role.log()).contains("ingest consumer stopped").contains("Stopped ingest");
    }
    assertThat(kafka.topics().records(Topics.DISCOVERED.name()))
        .extracting(ConsumerRecord::key)
        .hasSize(3)
        .doesNotHaveDuplicates();
  }

  @Test
  void isLiveButNotReadyWhileKafkaDoesNotAnswer() throws Exception {
    try (RoleProcess role =
        RoleProcess.start(
            dir,
            "ingest",
            "--bootstrap-servers",
            "127.0.0.1:" + closedPort(),
            "--http-port",
            "0")) {
      assertThat(role.get("/health/live").statusCode()).isEqualTo(200);

      HttpResponse<String> ready = role.get("/health/ready");

      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      assertThat(ready.body())
          .contains("\"status\":\"not ready\"")
          .contains("\"kafka\":\"Kafka does not answer within 2 s\"");
    }
  }

  private Path sourcesFile() throws Exception {
    String url = CannedWeb.base(feeds) + "/feed.xml";
    String yaml =
        """
        sources:
          - id: wire
            name: Wire
            url: %s
            interval: 10m
        network:
          allow-private: true
        """
            .formatted(url);
    return Files.writeString(dir.resolve("sources.yaml"), yaml);
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
