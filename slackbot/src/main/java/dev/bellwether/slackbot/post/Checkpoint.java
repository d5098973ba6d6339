package dev.bellwether.slackbot.post;

/** The steps of delivering one alert, in order; a crash may come between any two. */
public enum Checkpoint {
  /** The message is in Slack (posted now, or found there from before a restart). */
  POSTED,
  /** The story's parent message shows the latest facts. */
  PARENT_UPDATED,
  /** The story → message map is written to Kafka. */
  THREAD_SAVED,
  /** Everything is done; the offset is about to be committed. */
  BEFORE_COMMIT;

  /** Told each step as it is reached; tests use it to crash the bot between two steps. */
  @FunctionalInterface
  public interface Listener {
    Listener NONE = (step, alertId) -> {};

    void reached(Checkpoint step, String alertId);
  }
}
