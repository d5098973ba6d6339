package dev.bellwether.app;

import static org.awaitility.Awaitility.await;

import dev.bellwether.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: two pollers ({@code bellwether ingest}) and two page fetchers ({@code bellwether fetch})
 * share the work; one of each is killed with SIGKILL mid-work. The survivors take over their
 * sources and partitions (the fetchers' transactions make a half-done batch vanish, not repeat):
 * every alert is delivered once, none lost, none duplicated.
 */
class IngestFetchKillIT {
  private static final int ROUNDS = 6;
  private static final Duration WAIT = Duration.ofSeconds(300);
  @RegisterExtension static final SharedBroker kafka = new SharedBroker(4);

  @TempDir Path dir;

  @Test
  void onePollerAndOneFetcherKilledMidWorkLoseAndRepeatNothing() throws Exception {
    Map<String, Integer> expected = FaultWorkload.expectedOutcomesTogether(ROUNDS);
    int expectedAlerts = FaultWorkload.alertsIn(expected);
    MockWebServer feeds = FaultWorkload.feedServer(ROUNDS, false);
    Path sources = dir.resolve("sources.yaml");
    Files.writeString(sources, FaultWorkload.sourcesYaml(FaultWorkload.base(feeds), ROUNDS));
    String bootstrap = kafka.bootstrapServers();
    try (RoleProcess process = role("process", "--state-dir", dir.resolve("streams").toString());
        RoleProcess fetchA = role("fetch", "--instance-id", "fetch-a");
        RoleProcess fetchB = role("fetch", "--instance-id", "fetch-b")) {
      process.awaitReady(WAIT);
      fetchA.awaitReady(WAIT);
      fetchB.awaitReady(WAIT);
      try (RoleProcess ingestA = role("ingest", "--sources", sources.toString());
          RoleProcess ingestB = role("ingest", "--allow-private")) {
        await("a sixth of the alerts")
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> kafka.topics().records(Topics.ALERTS.name()).size() >= expectedAlerts / 6);
        ingestA.halt();
        fetchA.halt();
        System.out.printf(
            "IngestFetchKillIT: poller and fetcher killed at %d of %d alerts%n",
            kafka.topics().records(Topics.ALERTS.name()).size(), expectedAlerts);
        try {
          await("every alert from the survivors")
              .atMost(WAIT)
              .pollInterval(Duration.ofSeconds(1))
              .until(() -> kafka.topics().records(Topics.ALERTS.name()).size() >= expectedAlerts);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          for (String t :
              java.util.List.of(
                  Topics.DISCOVERED.name(),
                  Topics.NEW_ITEMS.name(),
                  Topics.ARTICLES.name(),
                  Topics.TAGGED.name(),
                  Topics.ALERTS.name(),
                  Topics.DLQ.name())) {
            System.out.println("IngestFetchKillIT: " + t + " " + kafka.topics().records(t).size());
          }
          for (RoleProcess r : java.util.List.of(ingestB, fetchB, process)) {
            String log = r.log();
            System.out.println(
                "IngestFetchKillIT: log tail\n" + log.substring(Math.max(0, log.length() - 6000)));
          }
          throw e;
        }
        Thread.sleep(5_000); // anything late, or duplicated, would show now
        FaultWorkload.tally(kafka.topics().records(Topics.ALERTS.name()), expected, 1);
        org.assertj.core.api.Assertions.assertThat(ingestB.isAlive() && fetchB.isAlive()).isTrue();
      }
    } finally {
      feeds.close();
    }
  }

  private RoleProcess role(String role, String... args) throws Exception {
    String[] all = new String[args.length + 4];
    all[0] = "--bootstrap-servers";
    all[1] = kafka.bootstrapServers();
    all[2] = "--http-port";
    all[3] = "0";
    System.arraycopy(args, 0, all, 4, args.length);
    return RoleProcess.start(dir, role, all);
  }
}
