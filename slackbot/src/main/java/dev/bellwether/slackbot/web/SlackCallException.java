package dev.bellwether.slackbot.web;

import dev.bellwether.slackbot.SlackBotException;

/**
 * A Slack Web API call that failed. {@link #permanent()} ones ({@code channel_not_found}, {@code
 * invalid_auth}...) will fail again however often they are retried; the others are retriable.
 */
public final class SlackCallException extends SlackBotException {
  private static final long serialVersionUID = 1L;

  private final String error;
  private final boolean permanent;

  SlackCallException(
      String method,
      String error,
      boolean permanent,
      @org.jspecify.annotations.Nullable Throwable cause) {
    super(method + " failed: " + error, cause);
    this.error = error;
    this.permanent = permanent;
  }

  /** Slack's error code ({@code channel_not_found}) or what went wrong ({@code http 503}). */
  public String error() {
    return error;
  }

  public boolean permanent() {
    return permanent;
  }
}
