package dev.bellwether.slackbot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bellwether.slackbot.ManualTime;
import dev.bellwether.slackbot.SampleAlerts;
import dev.bellwether.slackbot.StandInSlack;
import dev.bellwether.slackbot.render.AlertRenderer;
import dev.bellwether.slackbot.render.RenderedAlert;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackWebApiTest {
  private static final String TOKEN = "xoxb-test-0000";
  private final StandInSlack slack = StandInSlack.start(TOKEN);
  private final ManualTime time = new ManualTime();
  private final SlackWebApi api =
      SlackWebApi.create(
          SlackToken.of(TOKEN),
          slack.apiUrl(),
          new SlackWebApi.Limits(
              Duration.ofSeconds(1), 4, Duration.ofMillis(500), Duration.ofSeconds(1), 50),
          time,
          time);
  private final RenderedAlert message = AlertRenderer.render(SampleAlerts.funding("s1", "r"));

  @AfterEach
  void stop() {
    slack.close();
  }

  @Test
  void postsWithBlocksFallbackAndAlertIdAsMetadata() {
    SlackWebApi.Posted posted = api.post(new SlackPost("#ai-deals", null, "s1-1", message));

    assertThat(posted.ts()).isNotBlank();
    StandInSlack.Posted seen = slack.messages().get(0);
    assertThat(seen.alertId).isEqualTo("s1-1");
    assertThat(seen.text).startsWith("Anthropic raises $30 billion");
    assertThat(seen.blocks).contains("\"type\":\"header\"");
  }

  @Test
  void pacesWritesToOneChannelButNotAcrossChannels() {
    api.post(new SlackPost("a", null, "1", message));
    api.post(new SlackPost("b", null, "2", message));
    api.post(new SlackPost("a", null, "3", message));

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void honoursRetryAfterOn429() {
    slack.failNext("chat.postMessage", 429, "7");

    api.post(new SlackPost("a", null, "1", message));

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(slack.messages()).hasSize(1);
  }

  @Test
  void retriesServerErrorsWithCappedBackoff() {
    slack.failNext("chat.postMessage", 500, null);
    slack.failNext("chat.postMessage", 503, null);
    slack.failNext("chat.postMessage", 500, null);

    api.post(new SlackPost("a", null, "1", message));

    // the backoff doubles to its cap; the pacer may add to it so that writes stay 1 s apart
    assertThat(time.sleeps())
        .containsSubsequence(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(1))
        .allMatch(d -> d.compareTo(Duration.ofSeconds(1)) <= 0);
    assertThat(slack.messages()).hasSize(1);
  }

  @Test
  void givesUpOnServerErrorsAfterMaxAttemptsAsRetriable() {
    for (int i = 0; i < 4; i++) {
      slack.failNext("chat.postMessage", 500, null);
    }

    assertThatThrownBy(() -> api.post(new SlackPost("a", null, "1", message)))
        .isInstanceOfSatisfying(SlackCallException.class, e -> assertThat(e.permanent()).isFalse());
    assertThat(slack.messages()).isEmpty();
  }

  @Test
  void permanentErrorsAreNotRetried() {
    slack.missingChannel("gone");

    assertThatThrownBy(() -> api.post(new SlackPost("gone", null, "1", message)))
        .isInstanceOfSatisfying(
            SlackCallException.class,
            e -> {
              assertThat(e.permanent()).isTrue();
              assertThat(e.error()).isEqualTo("channel_not_found");
            });
    assertThat(slack.calls()).containsExactly("chat.postMessage gone");
  }

  @Test
  void wrongTokenIsInvalidAuthAndTheTokenIsNotInTheMessage() {
    SlackWebApi wrong =
        SlackWebApi.create(
            SlackToken.of("xoxb-wrong-secret"),
            slack.apiUrl(),
            SlackWebApi.Limits.standard(),
            time,
            time);

    assertThatThrownBy(() -> wrong.post(new SlackPost("a", null, "1", message)))
        .hasMessageContaining("invalid_auth")
        .hasMessageNotContaining("xoxb");
    assertThat(SlackToken.of("xoxb-wrong-secret").toString()).doesNotContain("xoxb");
  }

  @Test
  void findsItsOwnMessageByAlertIdInHistoryAndInAThread() {
    SlackWebApi.Posted parent = api.post(new SlackPost("a", null, "s1-1", message));
    SlackWebApi.Posted reply = api.post(new SlackPost("a", parent.ts(), "s1-2", message));

    assertThat(api.findPosted("a", null, "s1-1")).contains(parent);
    assertThat(api.findPosted("a", null, "s1-2")).isEmpty();
    assertThat(api.findPosted("a", parent.ts(), "s1-2")).contains(reply);
    assertThat(api.findPosted("a", null, "other")).isEmpty();
  }

  @Test
  void updateReplacesTheParent() {
    SlackWebApi.Posted parent = api.post(new SlackPost("a", null, "s1-1", message));

    api.update("a", parent.ts(), AlertRenderer.render(SampleAlerts.update("s1", "r", 3)), "s1-1");

    assertThat(slack.messages().get(0).edits).isEqualTo(1);
    assertThat(slack.messages().get(0).blocks).contains("Sources (3)");
  }
}
