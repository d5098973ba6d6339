package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bellwether run --demo} as its own JVM (embedded broker, every role): one HTTP port answers
 * health and metrics for all of them, and SIGTERM stops the roles and the broker in order and exits
 * 0 within the bound. What survives a restart is {@link DemoPipelineIT}'s subject.
 */
class RunRoleIT {
  private static final Duration EXIT_GUARD = ShutdownSignals.BOUND.plusSeconds(15);
  private static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir Path dir;

  @Test
  void servesHealthAndMetricsOfEveryRoleThenStopsInOrderOnSigterm() throws Exception {
    try (RoleProcess run =
        RoleProcess.start(
            dir,
            "run",
            "--demo",
            "--data-dir",
            dir.resolve("data").toString(),
            "--kafka-port",
            "0",
            "--http-port",
            "0")) {
      assertThat(run.get("/health/live").statusCode()).isEqualTo(200);
      await("/health/ready answers 200")
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> run.get("/health/ready").statusCode() == 200);
      List<String> expected =
          List.of(
              "bellwether_items_published_total{role=\"run\",source=\"techwire\"}",
              "bellwether_dlq_records_total{role=\"run\",stage=\"ingest.feed\"}",
              "bellwether_tagging_seconds_count{role=\"run\"}",
              "bellwether_alerts_total{event_type=\"funding\",role=\"run\"}",
              "bellwether_alert_lag_seconds_count{role=\"run\"}",
              "bellwether_fetch_errors_total{kind=\"unreachable\",role=\"run\"}",
              "kafka_stream_alive_stream_threads");
      await("every role's meters in /metrics")
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(() -> assertThat(run.get("/metrics").body()).contains(expected));

      // issue 21: dashboard clients that opened the live stream and went away, or still read
      java.net.URI stream = run.url().resolve("/api/alerts/stream");
      java.net.Socket reading = EventStreamClient.open(stream);
      EventStreamClient.open(stream).close();
      EventStreamClient.open(stream).shutdownOutput();

      long stopping = System.nanoTime();
      assertThat(run.terminate(EXIT_GUARD)).as(run.log()).isZero();
      assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(30));
      reading.close();
      String log = run.log();
      assertThat(log).doesNotContain("NullPointerException").doesNotContain("halting");
      assertThat(log.length()).as("a short log").isLessThan(256 * 1024);
      assertThat(log.indexOf("Processors closed; offsets committed"))
          .as("the processors close before the broker stops")
          .isPositive()
          .isLessThan(log.indexOf("Embedded Kafka broker at"));
    }
  }

  /**
   * Issue 21: SIGTERM while {@code run} is still starting (the broker formatting, the roles not yet
   * up) ends it with exit 0 within 30 s and a short log, at several moments of the start.
   */
  @Test
  void aSigtermDuringStartUpEndsTheRunCleanly() throws Exception {
    // the moments: its first log line (the JVM is in main), then the embedded broker up
    List<java.util.function.Predicate<String>> moments =
        List.of(log -> !log.isBlank(), log -> log.contains("Embedded Kafka"));
    for (int moment = 0; moment < moments.size(); moment++) {
      var reached = moments.get(moment);
      Path data = dir.resolve("early-" + moment);
      try (RoleProcess run =
          RoleProcess.start(
              dir,
              "run",
              "--demo",
              "--data-dir",
              data.toString(),
              "--kafka-port",
              "0",
              "--http-port",
              "0")) {
        await("moment " + moment + " of the start")
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(20))
            .until(() -> reached.test(run.log()));
        long start = System.nanoTime();
        int code = run.terminate(Duration.ofSeconds(30));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(code).as("at moment " + moment + ": " + run.log()).isZero();
        assertThat(took).isLessThan(Duration.ofSeconds(30));
        assertThat(run.log()).doesNotContain("halting").doesNotContain("NullPointerException");
        assertThat(run.log().length()).as("a short log").isLessThan(64 * 1024);
      }
    }
  }
}
