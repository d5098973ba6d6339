package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bellwether.slackbot.StandInSlack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bellwether run --demo} with a Slack token set starts the bot too: the demo's alerts end up
 * in the stand-in Slack as one message per story with its updates in the thread, and the token
 * appears nowhere in the process's output.
 */
class DemoToSlackIT {
  private static final String TOKEN = "xoxb-demo-to-slack-it-secret";
  private static final Duration WAIT = Duration.ofSeconds(150);
  private static final Duration EXIT_GUARD = ShutdownSignals.BOUND.plusSeconds(15);

  @TempDir Path dir;

  @Test
  void theDemosStoriesArePostedOnceEachWithTheirUpdatesInTheirThreads() throws Exception {
    try (StandInSlack slack = StandInSlack.start(TOKEN);
        RoleProcess run = demoPostingTo(slack, "data")) {
      // the demo gives 9 stories: 9 NEW alerts and 12 UPDATEs (demo/EXPECTED.md)
      await("the demo's 21 alerts in Slack")
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> slack.messages().size() >= 21 || !run.isAlive());
      List<StandInSlack.Posted> messages = slack.messages();
      await("the bot's meters")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () ->
                  assertThat(run.get("/metrics").body())
                      .contains(
                          "bellwether_slack_alerts_total{outcome=\"posted\",role=\"run\"} 9.0")
                      .contains(
                          "bellwether_slack_alerts_total{outcome=\"replied\",role=\"run\"} 12.0"));
      assertThat(run.terminate(EXIT_GUARD)).as(run.log()).isZero();

      assertThat(messages).as(run.log()).hasSize(21);
      assertThat(messages).extracting(m -> m.alertId).doesNotHaveDuplicates();
      Map<String, StandInSlack.Posted> parentOfStory = new HashMap<>();
      messages.stream()
          .filter(m -> !m.isReply())
          .forEach(m -> assertThat(parentOfStory.put(story(m), m)).isNull());
      assertThat(parentOfStory).hasSize(9);
      assertThat(messages)
          .filteredOn(StandInSlack.Posted::isReply)
          .hasSize(12)
          .allSatisfy(m -> assertThat(m.threadTs).isEqualTo(parentOfStory.get(story(m)).ts));
      assertThat(run.log()).doesNotContain(TOKEN);
    }
  }

  /**
   * Issue 21: SIGTERM while the bot waits out Slack's rate limit (every post answered 429 with
   * Retry-After: 30) ends {@code run} with exit 0 within 30 s and a short log; the alert not posted
   * stays unacknowledged for the next start.
   */
  @Test
  void aSigtermWhileTheBotWaitsOutARateLimitEndsTheRunCleanly() throws Exception {
    try (StandInSlack slack = StandInSlack.start(TOKEN)) {
      for (int i = 0; i < 100; i++) {
        slack.failNext("chat.postMessage", 429, "30");
      }
      try (RoleProcess run = demoPostingTo(slack, "limited")) {
        await("the bot's first post, refused with 429")
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () ->
                    slack.calls().stream().anyMatch(c -> c.contains("chat.postMessage"))
                        || !run.isAlive());
        Thread.sleep(1000); // the bot is now waiting out Retry-After

        long start = System.nanoTime();
        int code = run.terminate(Duration.ofSeconds(30));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(code).as(run.log()).isZero();
        assertThat(took).isLessThan(Duration.ofSeconds(30));
        assertThat(slack.messages()).as("nothing was posted").isEmpty();
        assertThat(run.log()).doesNotContain(TOKEN).doesNotContain("halting");
        assertThat(run.log().length()).as("a short log").isLessThan(256 * 1024);
      }
    }
  }

  /** The story of a message: its alert id without the alert's number. */
  /** {@code bellwether run --demo} in its own process, its bot posting to the stand-in Slack. */
  private RoleProcess demoPostingTo(StandInSlack slack, String dataDir) throws Exception {
    return RoleProcess.start(
        dir,
        Map.of(
            "SLACK_BOT_TOKEN",
            TOKEN,
            "BELLWETHER_SLACK_API_URL",
            slack.apiUrl(),
            "BELLWETHER_SLACK_DEFAULT_CHANNEL",
            "C0DEMO",
            "BELLWETHER_SLACK_START",
            "earliest"),
        "run",
        "--demo",
        "--data-dir",
        dir.resolve(dataDir).toString(),
        "--kafka-port",
        "0",
        "--http-port",
        "0");
  }

  private static String story(StandInSlack.Posted m) {
    return m.alertId.substring(0, m.alertId.lastIndexOf('-'));
  }
}
