package dev.bellwether.slackbot.web;

import dev.bellwether.slackbot.SlackBotException;
import org.jspecify.annotations.Nullable;

/**
 * A Slack Web API call that failed. {@link #permanent()} ones ({@code channel_not_found}, {@code
 * invalid_auth}...) will fail again however often they are retried; the others are retriable.
 */
public final class SlackCallException extends SlackBotException {
  private static final long serialVersionUID = 1L;

  private final String channel;
  private final String error;
  private final boolean permanent;

  SlackCallException(
      String method, String channel, String error, boolean permanent, @Nullable Throwable cause) {
    super(method + " to " + channel + " failed: " + error, cause);
    this.channel = channel;
    this.error = error;
    this.permanent = permanent;
  }

  public String channel() {
    return channel;
  }

  /** Slack's error code ({@code channel_not_found}) or what went wrong ({@code http 503}). */
  public String error() {
    return error;
  }

  public boolean permanent() {
    return permanent;
  }
}
