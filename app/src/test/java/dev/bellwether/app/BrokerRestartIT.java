package dev.bellwether.app;

import static org.awaitility.Awaitility.await;

import dev.bellwether.localkafka.LocalKafka;
import dev.bellwether.schemas.TopicInstaller;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Article;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: the broker stops while articles flow and comes back on the same data and port. The
 * processors ({@code bellwether process}, a child JVM) ride it out: every alert is delivered once,
 * none lost, none duplicated. The broker is the in-process one whatever the machine has: a stop and
 * a start on the same log directory is what this tests.
 */
class BrokerRestartIT {
  private static final int ROUNDS = 6;
  private static final Duration WAIT = Duration.ofSeconds(240);

  @TempDir Path dir;

  private LocalKafka kafka;

  @Test
  void theBrokerStoppedAndStartedMidStreamLosesAndRepeatsNothing() throws Exception {
    Map<String, Integer> expected = FaultWorkload.expectedOutcomes(ROUNDS);
    int perRound = FaultWorkload.expectedAlerts(expected, ROUNDS) / ROUNDS;
    int port = RoleProcess.freePort();
    kafka = LocalKafka.start(dir.resolve("kafka"), port);
    String bootstrap = kafka.bootstrapServers();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      TopicInstaller.ensure(admin, Topics.all());
    }
    try (RoleProcess process =
        RoleProcess.start(
            dir,
            "process",
            "--bootstrap-servers",
            bootstrap,
            "--state-dir",
            dir.resolve("streams").toString(),
            "--http-port",
            "0")) {
      await("processors ready")
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> process.get("/health/ready").statusCode() == 200);
      for (int round = 0; round < ROUNDS / 2; round++) {
        publishRound(bootstrap, round, perRound * (round + 1));
      }

      // half a round written, then the broker goes away for a while and comes back
      List<Article> next = FaultWorkload.articles(ROUNDS / 2, ROUNDS / 2 + 1);
      FaultWorkload.publish(bootstrap, next.subList(0, next.size() / 2));
      kafka.close();
      // the other half is sent while the broker is away: the producer waits and retries
      Thread writer =
          new Thread(
              () -> FaultWorkload.publish(bootstrap, next.subList(next.size() / 2, next.size())),
              "articles-during-outage");
      writer.start();
      Thread.sleep(8_000);
      kafka = LocalKafka.start(dir.resolve("kafka"), port);
      writer.join(WAIT.toMillis());
      awaitAlerts(bootstrap, perRound * (ROUNDS / 2 + 1));

      for (int round = ROUNDS / 2 + 1; round < ROUNDS; round++) {
        publishRound(bootstrap, round, perRound * (round + 1));
      }
      Thread.sleep(3_000); // anything late, or duplicated, would show now
      FaultWorkload.tally(
          new TopicContents(bootstrap).records(Topics.ALERTS.name()), expected, ROUNDS);
      assertAlive(process);
    } finally {
      kafka.close();
    }
  }

  private static void assertAlive(RoleProcess process) {
    org.assertj.core.api.Assertions.assertThat(process.isAlive())
        .as("the processors survive the broker's absence:\n" + process.log())
        .isTrue();
  }

  private static void publishRound(String bootstrap, int round, int alertsSoFar) {
    FaultWorkload.publish(bootstrap, FaultWorkload.articles(round, round + 1));
    awaitAlerts(bootstrap, alertsSoFar);
  }

  private static void awaitAlerts(String bootstrap, int count) {
    TopicContents topics = new TopicContents(bootstrap);
    await(count + " alerts")
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> topics.records(Topics.ALERTS.name()).size() >= count);
  }
}
