package dev.bellwether.slackbot.web;

import dev.bellwether.slackbot.render.RenderedAlert;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message to post.
 *
 * @param channel channel id or name
 * @param threadTs the parent's ts for a reply in a thread, null for a channel message
 * @param alertId carried as message metadata, so a restart can find what it already posted
 */
public record SlackPost(
    String channel, @Nullable String threadTs, String alertId, RenderedAlert message) {
  public SlackPost {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(message, "message");
  }
}
