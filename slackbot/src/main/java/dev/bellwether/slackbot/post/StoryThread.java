package dev.bellwether.slackbot.post;

import java.util.Objects;

/**
 * Where a story's message is in Slack.
 *
 * @param channel the channel id Slack answered with
 * @param ts the parent message's ts; updates reply in its thread
 * @param parentAlertId the alert the parent was posted for; its metadata keeps that id
 * @param digest what the parent shows now, to edit it only when that changes
 */
public record StoryThread(String channel, String ts, String parentAlertId, String digest) {
  public StoryThread {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(ts, "ts");
    Objects.requireNonNull(parentAlertId, "parentAlertId");
    Objects.requireNonNull(digest, "digest");
  }

  public StoryThread withDigest(String newDigest) {
    return new StoryThread(channel, ts, parentAlertId, newDigest);
  }

  /** One line of tab-separated fields, the value in the threads topic. */
  String encode() {
    return String.join("\t", channel, ts, parentAlertId, digest);
  }

  static StoryThread decode(String value) {
    String[] parts = value.split("\t", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not a story thread: " + value);
    }
    return new StoryThread(parts[0], parts[1], parts[2], parts[3]);
  }
}
