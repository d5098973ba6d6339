package dev.bellwether.slackbot.web;

import java.util.Objects;

/** A bot token ({@code xoxb-...}). Its {@code toString} never shows it. */
public final class SlackToken {
  private final String value;

  private SlackToken(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static SlackToken of(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("the Slack token is empty");
    }
    return new SlackToken(value.strip());
  }

  /** The secret itself, only for the request that sends it. */
  String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "SlackToken[redacted]";
  }
}
