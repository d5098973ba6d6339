package dev.bellwether.app;

import dev.bellwether.slackbot.post.Delivery;
import dev.bellwether.slackbot.post.PosterStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * The Slack bot's counts as meters: {@code bellwether_slack_alerts_total{outcome}} (posted,
 * replied, already_posted, dropped) and {@code bellwether_slack_parked_total}.
 */
final class SlackMeters {
  static final String ALERTS = "bellwether.slack.alerts";
  static final String PARKED = "bellwether.slack.parked";

  private SlackMeters() {}

  static void bind(MeterRegistry registry, PosterStats stats) {
    for (Delivery.Outcome outcome : Delivery.Outcome.values()) {
      FunctionCounter.builder(ALERTS, stats, s -> s.count(outcome))
          .description("Alerts the Slack bot has handled, by outcome")
          .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
    FunctionCounter.builder(PARKED, stats, PosterStats::parked)
        .description("Alerts Slack refused for good, parked on bellwether.dlq")
        .register(registry);
  }
}
