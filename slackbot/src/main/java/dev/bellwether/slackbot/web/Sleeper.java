package dev.bellwether.slackbot.web;

import java.time.Duration;

/** Waits; tests substitute one that records the wait and advances a clock instead. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM =
      d -> {
        try {
          Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new dev.bellwether.slackbot.SlackBotException("interrupted while waiting", e);
        }
      };

  void sleep(Duration duration);
}
