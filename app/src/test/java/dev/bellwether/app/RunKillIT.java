package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bellwether.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: the whole of {@code bellwether run} (broker, pollers, fetcher, processors) killed with
 * SIGKILL while it works through the feeds, then started again on the same data directory. Over the
 * two runs every alert is delivered once: none lost, none duplicated.
 */
class RunKillIT {
  private static final int ROUNDS = 6;
  private static final Duration WAIT = Duration.ofSeconds(240);
  private static final Duration EXIT_GUARD = ShutdownSignals.BOUND.plusSeconds(15);

  @TempDir Path dir;

  @Test
  void runKilledWithSigkillAndStartedAgainLosesAndRepeatsNothing() throws Exception {
    Map<String, Integer> expected = FaultWorkload.expectedOutcomesTogether(ROUNDS);
    int expectedAlerts = FaultWorkload.alertsIn(expected);
    MockWebServer feeds = FaultWorkload.feedServer(ROUNDS, false);
    try {
      Path sources = dir.resolve("sources.yaml");
      Files.writeString(sources, FaultWorkload.sourcesYaml(FaultWorkload.base(feeds), ROUNDS));
      int kafkaPort = RoleProcess.freePort();
      String bootstrap = "127.0.0.1:" + kafkaPort;
      TopicContents topics = new TopicContents(bootstrap);
      int before;
      try (RoleProcess run = start(sources, kafkaPort)) {
        await("a third of the alerts")
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(300))
            .ignoreExceptions()
            .until(() -> topics.records(Topics.ALERTS.name()).size() >= expectedAlerts / 3);
        before = topics.records(Topics.ALERTS.name()).size();
        run.halt(); // the embedded broker goes with it
      }
      System.out.printf(
          "RunKillIT: killed with at least %d of %d alerts written%n", before, expectedAlerts);
      try (RoleProcess again = start(sources, kafkaPort)) {
        await("every alert after the restart")
            .atMost(WAIT)
            .pollInterval(Duration.ofSeconds(1))
            .ignoreExceptions()
            .until(() -> topics.records(Topics.ALERTS.name()).size() >= expectedAlerts);
        Thread.sleep(5_000); // anything late, or duplicated, would show now
        FaultWorkload.Tally tally =
            FaultWorkload.tally(topics.records(Topics.ALERTS.name()), expected, 1);
        assertThat(tally.delivered()).isEqualTo(expectedAlerts);
        assertThat(again.terminate(EXIT_GUARD)).as(again.log()).isZero();
      }
    } finally {
      feeds.close();
    }
  }

  private RoleProcess start(Path sources, int kafkaPort) throws Exception {
    return RoleProcess.start(
        dir,
        "run",
        "--sources",
        sources.toString(),
        "--data-dir",
        dir.resolve("data").toString(),
        "--kafka-port",
        Integer.toString(kafkaPort),
        "--http-port",
        "0");
  }
}
