package dev.bellwether.app;

import static org.awaitility.Awaitility.await;

import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Article;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: one of two {@code bellwether process} instances is killed (SIGKILL, no clean shutdown)
 * while articles flow, and started again on its state directory. Under exactly-once processing
 * every alert is delivered once: none lost, none duplicated, stories as a clean run gives them.
 */
class ProcessorHaltIT {
  private static final int ROUNDS = 8;
  private static final Duration WAIT = Duration.ofSeconds(240);
  @RegisterExtension static final SharedBroker kafka = new SharedBroker(4);

  @TempDir Path dir;

  @Test
  void aProcessorKilledMidStreamLosesAndRepeatsNothing() throws Exception {
    Map<String, Integer> expected = FaultWorkload.expectedOutcomes(ROUNDS);
    int expectedAlerts = FaultWorkload.expectedAlerts(expected, ROUNDS);
    try (RoleProcess a = startInstance("a");
        RoleProcess b = startInstance("b")) {
      a.awaitReady(WAIT);
      b.awaitReady(WAIT);
      int perRound = expectedAlerts / ROUNDS;
      for (int round = 0; round < ROUNDS / 2; round++) {
        publishRound(round, perRound * (round + 1));
      }
      // mid-round: half of a round's articles written, then instance a is killed
      List<Article> next = FaultWorkload.articles(ROUNDS / 2, ROUNDS / 2 + 1);
      FaultWorkload.publish(kafka.bootstrapServers(), next.subList(0, next.size() / 2));
      a.halt();
      FaultWorkload.publish(kafka.bootstrapServers(), next.subList(next.size() / 2, next.size()));
      awaitAlerts(perRound * (ROUNDS / 2 + 1));
      try (RoleProcess again = startInstance("a")) {
        for (int round = ROUNDS / 2 + 1; round < ROUNDS; round++) {
          publishRound(round, perRound * (round + 1));
        }
        Thread.sleep(3_000); // anything late, or duplicated, would show now
        FaultWorkload.tally(kafka.topics().records(Topics.ALERTS.name()), expected, ROUNDS);
      }
    }
  }

  /** Publishes a round and waits for its alerts: rounds must not overtake each other. */
  private static void publishRound(int round, int alertsSoFar) {
    FaultWorkload.publish(kafka.bootstrapServers(), FaultWorkload.articles(round, round + 1));
    awaitAlerts(alertsSoFar);
  }

  private static void awaitAlerts(int count) {
    await(count + " alerts")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> alertsWritten() >= count);
  }

  private static int alertsWritten() {
    return kafka.topics().records(Topics.ALERTS.name()).size();
  }

  private RoleProcess startInstance(String name) throws Exception {
    return RoleProcess.start(
        dir,
        "process",
        "--bootstrap-servers",
        kafka.bootstrapServers(),
        "--state-dir",
        dir.resolve("streams-" + name).toString(),
        "--http-port",
        "0");
  }
}
