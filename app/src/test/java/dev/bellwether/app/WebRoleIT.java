package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bellwether.schemas.TopicInstaller;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import dev.bellwether.slackbot.SampleAlerts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bellwether web} as its own JVM against a real broker: it starts before the topics exist,
 * then shows the alerts written to them (skipping a record that is not an alert), serves its pages
 * and says plainly that it has no processors to ask for trends; SIGTERM stops it with exit 0.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class WebRoleIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Duration EXIT_GUARD = ShutdownSignals.BOUND.plusSeconds(15);
  @RegisterExtension static final SharedBroker kafka = SharedBroker.withoutTopics();

  @TempDir Path dir;

  @Test
  @org.junit.jupiter.api.Order(1)
  void showsTheAlertsOfAClusterAndSkipsWhatIsNotAnAlert() throws Exception {
    try (RoleProcess web =
        RoleProcess.start(
            dir,
            "web",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--http-port",
            "0",
            "--dashboard-alerts",
            "100")) {
      assertThat(web.get("/health/live").statusCode()).isEqualTo(200);
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        TopicInstaller.ensure(admin, Topics.all());
      }
      publish(SampleAlerts.funding("web-1", "ai-labs"));
      publishBytes("not avro at all".getBytes(StandardCharsets.UTF_8));
      publish(SampleAlerts.update("web-1", "ai-labs", 2));
      publish(SampleAlerts.funding("web-2", "ai-labs"));

      await("the three alerts in /api/alerts")
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> web.get("/api/alerts").body().contains("\"held\":3"));
      await("ready").atMost(WAIT).until(() -> web.get("/health/ready").statusCode() == 200);
      assertThat(web.get("/api/stories/web-1").body())
          .contains("\"kind\":\"NEW\"")
          .contains("\"kind\":\"UPDATE\"");
      assertThat(web.get("/").body()).contains("Anthropic raises $30 billion");
      assertThat(web.get("/metrics").body())
          .contains("bellwether_dashboard_alerts{role=\"web\"} 3.0")
          .contains("bellwether_dashboard_skipped_records{role=\"web\"} 1.0");
      var trends = web.get("/api/trends");
      assertThat(trends.statusCode()).isEqualTo(503);
      assertThat(trends.body()).contains("no processors to ask").contains("--processors");
      assertThat(web.log()).contains("Dashboard at http://127.0.0.1:");

      assertThat(web.terminate(EXIT_GUARD)).as(web.log()).isZero();
    }
  }

  /**
   * Issue 21: a user who opened the live stream and went away could not stop the program. SIGTERM
   * with one stream still reading, one closed by its client and one half-closed (the client shut
   * its sending side) ends the role with exit 0 within 30 s and a short log.
   */
  @Test
  @org.junit.jupiter.api.Order(2) // after the test that counts every alert on the shared topic
  void stopsCleanlyWithStreamClientsOpenClosedAndHalfClosed() throws Exception {
    try (RoleProcess web =
        RoleProcess.start(
            dir, "web", "--bootstrap-servers", kafka.bootstrapServers(), "--http-port", "0")) {
      assertThat(web.get("/health/live").statusCode()).isEqualTo(200);
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        TopicInstaller.ensure(admin, Topics.all());
      }
      java.net.URI stream = web.url().resolve("/api/alerts/stream");
      java.net.Socket open = EventStreamClient.open(stream);
      java.net.Socket closed = EventStreamClient.open(stream);
      java.net.Socket halfClosed = EventStreamClient.open(stream);
      publish(SampleAlerts.funding("stop-1", "ai-labs"));
      await("the open stream receives the alert")
          .atMost(WAIT)
          .until(() -> EventStreamClient.readSome(open).contains("stop-1"));
      closed.close();
      halfClosed.shutdownOutput();
      publish(SampleAlerts.funding("stop-2", "ai-labs"));
      Thread.sleep(1000);

      long start = System.nanoTime();
      int code = web.terminate(Duration.ofSeconds(30));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      open.close();
      halfClosed.close();

      assertThat(code).as(web.log()).isZero();
      assertThat(took).isLessThan(Duration.ofSeconds(30));
      assertThat(web.log()).doesNotContain("NullPointerException").doesNotContain("halting");
      assertThat(web.log().length()).as("a short log").isLessThan(64 * 1024);
    }
  }

  private static void publish(Alert alert) {
    try (KafkaProducer<String, Alert> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", kafka.bootstrapServers()),
            new StringSerializer(),
            BellwetherSerdes.alert().serializer())) {
      producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.getStoryId(), alert));
    }
  }

  private static void publishBytes(byte[] value) {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", kafka.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.ALERTS.name(), "poison", value));
    }
  }
}
