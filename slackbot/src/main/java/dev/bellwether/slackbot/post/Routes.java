package dev.bellwether.slackbot.post;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where an alert goes: its rule's route (from the watchlist), that route's channel (from
 * configuration), else the default channel, else nowhere.
 *
 * @param ruleRoutes watchlist rule id → route
 * @param channels route → Slack channel (id, or name with {@code #})
 * @param defaultChannel for alerts whose rule or route has no channel; null drops them
 */
public record Routes(
    Map<String, String> ruleRoutes, Map<String, String> channels, @Nullable String defaultChannel) {
  public Routes {
    ruleRoutes = Map.copyOf(ruleRoutes);
    channels = Map.copyOf(channels);
  }

  /** The decision for one rule: a channel, or why there is none. */
  public record Route(@Nullable String channel, String reason) {
    public boolean dropped() {
      return channel == null;
    }
  }

  public Route forRule(String ruleId) {
    String route = ruleRoutes.get(ruleId);
    if (route == null) {
      return fallback("rule '" + ruleId + "' is not in the watchlist");
    }
    String channel = channels.get(route);
    return channel != null
        ? new Route(channel, "route " + route)
        : fallback("route '" + route + "' has no channel");
  }

  private Route fallback(String why) {
    return defaultChannel != null
        ? new Route(defaultChannel, why + "; default channel")
        : new Route(null, why + " and no default channel is set");
  }

  @Override
  public String toString() {
    return "Routes" + channels + (defaultChannel == null ? "" : " default " + defaultChannel);
  }

  static String requireChannel(@Nullable String channel) {
    return Objects.requireNonNull(channel, "channel");
  }
}
