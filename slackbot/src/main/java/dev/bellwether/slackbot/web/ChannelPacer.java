package dev.bellwether.slackbot.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Slack allows about one message per second per channel: before each write to a channel, wait until
 * {@code interval} has passed since the previous one. Other channels are not held up.
 */
public final class ChannelPacer {
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration interval;
  private final Map<String, Instant> lastWrite = new HashMap<>();

  public ChannelPacer(Clock clock, Sleeper sleeper, Duration interval) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.interval = interval;
  }

  public synchronized void awaitTurn(String channel) {
    Instant last = lastWrite.get(channel);
    if (last != null) {
      Duration wait = Duration.between(clock.instant(), last.plus(interval));
      if (!wait.isNegative() && !wait.isZero()) {
        sleeper.sleep(wait);
      }
    }
    lastWrite.put(channel, clock.instant());
  }
}
