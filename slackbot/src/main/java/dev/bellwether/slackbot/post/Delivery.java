package dev.bellwether.slackbot.post;

/**
 * What became of one alert.
 *
 * @param outcome what happened
 * @param detail the channel it went to, or why it went nowhere
 */
public record Delivery(Outcome outcome, String detail) {
  public enum Outcome {
    /** A new channel message: the story's parent. */
    POSTED,
    /** A reply in the story's thread. */
    REPLIED,
    /** Found in Slack from before a restart; not posted again. */
    ALREADY_POSTED,
    /** No channel for it; counted and logged. */
    DROPPED
  }
}
