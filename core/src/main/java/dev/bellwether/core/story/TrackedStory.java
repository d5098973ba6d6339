package dev.bellwether.core.story;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A story as the story stage keeps it: the story, and whether and under which rule it has alerted.
 *
 * @param ruleId the rule of the story's {@code NEW} alert; null until it has one
 * @param ruleVersion the watchlist version of that rule
 * @param alerts how many alerts the story has given, which numbers the next one's id
 */
public record TrackedStory(Story story, @Nullable String ruleId, int ruleVersion, int alerts) {
  public TrackedStory {
    Objects.requireNonNull(story, "story");
  }

  /** A story that has not alerted. */
  public static TrackedStory quiet(Story story) {
    return new TrackedStory(story, null, 0, 0);
  }

  /** Whether the story has had its {@code NEW} alert. */
  public boolean hasAlerted() {
    return ruleId != null;
  }

  public String id() {
    return story.id();
  }

  TrackedStory with(Story grown) {
    return new TrackedStory(grown, ruleId, ruleVersion, alerts);
  }

  TrackedStory alerted(String rule, int version) {
    return new TrackedStory(story, rule, version, alerts + 1);
  }
}
