package dev.bellwether.slackbot;

import dev.bellwether.slackbot.web.SlackToken;
import dev.bellwether.yaml.YamlDocument;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The Slack bot's settings, read from the environment (and optionally a channels YAML file), with
 * every problem reported at once. The token and the webhook URL are secrets: {@link #toString()}
 * never shows them.
 *
 * @param token {@code SLACK_BOT_TOKEN}: Web API mode, with threads and once-only checks
 * @param webhookUrl {@code SLACK_WEBHOOK_URL}: incoming-webhook mode, one channel, no threads
 * @param apiUrl {@code BELLWETHER_SLACK_API_URL}: another base URL for the Web API (tests, proxies)
 * @param channels route → channel, from {@code BELLWETHER_SLACK_CHANNELS} and the channels file
 * @param defaultChannel {@code BELLWETHER_SLACK_DEFAULT_CHANNEL}: for alerts without a channel
 * @param startAt {@code BELLWETHER_SLACK_START}: where a new consumer group starts, {@code latest}
 *     (default) or {@code earliest}
 */
public record SlackBotConfig(
    @Nullable SlackToken token,
    @Nullable URI webhookUrl,
    @Nullable String apiUrl,
    Map<String, String> channels,
    @Nullable String defaultChannel,
    String startAt) {
  public static final String TOKEN = "SLACK_BOT_TOKEN";
  public static final String WEBHOOK_URL = "SLACK_WEBHOOK_URL";
  public static final String API_URL = "BELLWETHER_SLACK_API_URL";
  public static final String CHANNELS = "BELLWETHER_SLACK_CHANNELS";
  public static final String CHANNELS_FILE = "BELLWETHER_SLACK_CHANNELS_FILE";
  public static final String DEFAULT_CHANNEL = "BELLWETHER_SLACK_DEFAULT_CHANNEL";
  public static final String START = "BELLWETHER_SLACK_START";

  public SlackBotConfig {
    channels = Map.copyOf(channels);
  }

  /** Whether the bot has somewhere to post: a token or a webhook URL. */
  public boolean enabled() {
    return token != null || webhookUrl != null;
  }

  /**
   * Reads the settings from {@code env}; {@code channelsFile} (or {@code
   * BELLWETHER_SLACK_CHANNELS_FILE}) adds routes, the environment wins where both name one.
   *
   * @throws SlackBotException naming every problem found
   */
  public static SlackBotConfig fromEnv(Map<String, String> env, @Nullable Path channelsFile) {
    List<String> problems = new ArrayList<>();
    Map<String, String> channels = new LinkedHashMap<>();
    String defaultChannel = blankToNull(env.get(DEFAULT_CHANNEL));
    Path file = channelsFile != null ? channelsFile : pathOrNull(env.get(CHANNELS_FILE));
    if (file != null) {
      ChannelsFile parsed = readChannelsFile(file, problems);
      channels.putAll(parsed.channels());
      if (defaultChannel == null) {
        defaultChannel = parsed.defaultChannel();
      }
    }
    channels.putAll(parseChannels(env.getOrDefault(CHANNELS, ""), problems));
    String startAt = env.getOrDefault(START, "latest").strip().toLowerCase(Locale.ROOT);
    if (!startAt.equals("latest") && !startAt.equals("earliest")) {
      problems.add(START + " must be latest or earliest, not '" + startAt + "'");
    }
    String token = blankToNull(env.get(TOKEN));
    URI webhook = webhookUri(blankToNull(env.get(WEBHOOK_URL)), problems);
    if (!problems.isEmpty()) {
      throw new SlackBotException("Slack settings: " + String.join("; ", problems));
    }
    return new SlackBotConfig(
        token == null ? null : SlackToken.of(token),
        webhook,
        blankToNull(env.get(API_URL)),
        channels,
        defaultChannel,
        startAt);
  }

  /** {@code deals=#ai-deals,policy=#ai-policy} → route → channel. */
  static Map<String, String> parseChannels(String spec, List<String> problems) {
    Map<String, String> channels = new LinkedHashMap<>();
    for (String entry : spec.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      String route = eq < 0 ? "" : entry.substring(0, eq).strip();
      String channel = eq < 0 ? "" : entry.substring(eq + 1).strip();
      if (route.isEmpty() || channel.isEmpty()) {
        problems.add(CHANNELS + ": '" + entry.strip() + "' is not route=channel");
      } else {
        channels.put(route, channel);
      }
    }
    return channels;
  }

  private record ChannelsFile(Map<String, String> channels, @Nullable String defaultChannel) {}

  /** {@code channels: {deals: "#ai-deals"}} and optionally {@code default: "#ai-news"}. */
  private static ChannelsFile readChannelsFile(Path file, List<String> problems) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      problems.add(file + ": cannot read the channels file (" + e + ")");
      return new ChannelsFile(Map.of(), null);
    }
    YamlDocument yaml = YamlDocument.of(file.toString());
    ChannelsFile channels =
        yaml.parse(text, "'channels: {route: channel}'")
            .map(root -> readChannels(root, yaml))
            .orElse(new ChannelsFile(Map.of(), null));
    problems.addAll(yaml.problems());
    return channels;
  }

  private static ChannelsFile readChannels(Node root, YamlDocument yaml) {
    Map<String, Node> top =
        yaml.mapping(root, "the file", List.of("channels", "default")).orElse(null);
    if (top == null) {
      return new ChannelsFile(Map.of(), null);
    }
    Map<String, String> channels = new LinkedHashMap<>();
    Node routes = top.get("channels");
    if (routes == null) {
      yaml.problem(root, "missing 'channels': expected 'channels: {route: channel}'");
    } else {
      yaml.mapping(routes, "'channels'")
          .orElse(Map.of())
          .forEach(
              (route, channel) ->
                  yaml.text(channel, "the channel of route '" + route + "'")
                      .ifPresent(c -> channels.put(route, c)));
    }
    return new ChannelsFile(channels, yaml.text(top.get("default"), "'default'").orElse(null));
  }

  private static @Nullable URI webhookUri(@Nullable String value, List<String> problems) {
    if (value == null) {
      return null;
    }
    try {
      URI uri = URI.create(value);
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
        problems.add(WEBHOOK_URL + " must be an http(s) URL");
        return null;
      }
      return uri;
    } catch (IllegalArgumentException e) {
      problems.add(WEBHOOK_URL + " is not a URL"); // the value is a secret: not repeated
      return null;
    }
  }

  private static @Nullable Path pathOrNull(@Nullable String value) {
    return blankToNull(value) == null ? null : Path.of(value.strip());
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The mode, for logs: never the secrets themselves. */
  public String mode() {
    return token != null ? "web API" : webhookUrl != null ? "incoming webhook" : "off";
  }

  public Optional<String> apiUrlIfSet() {
    return Optional.ofNullable(apiUrl);
  }

  @Override
  public String toString() {
    return "SlackBotConfig[mode="
        + mode()
        + ", apiUrl="
        + apiUrl
        + ", channels="
        + channels
        + ", defaultChannel="
        + defaultChannel
        + ", startAt="
        + startAt
        + "]";
  }
}
