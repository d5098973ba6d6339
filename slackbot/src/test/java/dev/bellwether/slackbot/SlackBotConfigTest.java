package dev.bellwether.slackbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackBotConfigTest {
  @Test
  void readsChannelsDefaultAndMode() {
    SlackBotConfig config =
        SlackBotConfig.fromEnv(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-1-secret",
                "BELLWETHER_SLACK_CHANNELS", "deals=#ai-deals, policy=C0POLICY",
                "BELLWETHER_SLACK_DEFAULT_CHANNEL", "#ai-news"),
            null);

    assertThat(config.channels())
        .containsOnly(Map.entry("deals", "#ai-deals"), Map.entry("policy", "C0POLICY"));
    assertThat(config.defaultChannel()).isEqualTo("#ai-news");
    assertThat(config.mode()).isEqualTo("web API");
    assertThat(config.startAt()).isEqualTo("latest");
  }

  @Test
  void neverShowsTheTokenOrWebhookUrl() {
    SlackBotConfig config =
        SlackBotConfig.fromEnv(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-1-secret",
                "SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T/B/hook-secret"),
            null);

    assertThat(config.toString()).doesNotContain("secret");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                SlackBotConfig.fromEnv(
                    Map.of(
                        "BELLWETHER_SLACK_CHANNELS", "deals,=#x",
                        "BELLWETHER_SLACK_START", "yesterday",
                        "SLACK_WEBHOOK_URL", "ftp://hook-secret"),
                    null))
        .hasMessageContaining("'deals' is not route=channel")
        .hasMessageContaining("'=#x' is not route=channel")
        .hasMessageContaining("BELLWETHER_SLACK_START must be latest or earliest")
        .hasMessageContaining("SLACK_WEBHOOK_URL must be an http(s) URL")
        .hasMessageNotContaining("hook-secret");
  }

  @Test
  void channelsFileAddsRoutesAndTheEnvironmentWins(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("slack.yaml");
    Files.writeString(
        file, "channels:\n  deals: \"#file-deals\"\n  ipo: \"#ai-ipo\"\ndefault: \"#ai-news\"\n");

    SlackBotConfig config =
        SlackBotConfig.fromEnv(Map.of("BELLWETHER_SLACK_CHANNELS", "deals=#ai-deals"), file);

    assertThat(config.channels())
        .containsOnly(Map.entry("deals", "#ai-deals"), Map.entry("ipo", "#ai-ipo"));
    assertThat(config.defaultChannel()).isEqualTo("#ai-news");
    assertThat(config.enabled()).isFalse();
  }

  @Test
  void channelsFileProblemsNameTheFileAndLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("slack.yaml");
    Files.writeString(file, "channels:\n  deals: \"\"\n  ipo: [a, b]\ncolour: blue\n");

    assertThatThrownBy(() -> SlackBotConfig.fromEnv(Map.of(), file))
        .hasMessageContaining(file + ":2: the channel of route 'deals' must not be empty")
        .hasMessageContaining(file + ":3: the channel of route 'ipo' must be a single value")
        .hasMessageContaining(file + ":4: unknown key 'colour' in the file; known: [channels,");
  }

  @Test
  void channelsFileWithoutChannelsSaysWhatIsExpected(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("slack.yaml");
    Files.writeString(file, "# routes to come\n");

    assertThatThrownBy(() -> SlackBotConfig.fromEnv(Map.of(), file))
        .hasMessageContaining(
            file + ":1: the file is empty; expected 'channels: {route: channel}'");
  }
}
