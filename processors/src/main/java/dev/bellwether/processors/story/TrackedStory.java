package dev.bellwether.processors.story;

import dev.bellwether.core.story.Story;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A story as the topology keeps it: the story, what its first report looked like (for the alert's
 * headline), and whether and under which rule it has alerted.
 *
 * @param ruleId the rule of the story's {@code NEW} alert; null until it has one
 * @param alerts how many alerts the story has given, which numbers the next one's id
 */
public record TrackedStory(
    Story story,
    String headline,
    String summary,
    @Nullable String ruleId,
    int ruleVersion,
    int alerts) {
  public TrackedStory {
    Objects.requireNonNull(story, "story");
    Objects.requireNonNull(headline, "headline");
    Objects.requireNonNull(summary, "summary");
  }

  /** Whether the story has had its {@code NEW} alert. */
  public boolean hasAlerted() {
    return ruleId != null;
  }

  TrackedStory with(Story grown) {
    return new TrackedStory(grown, headline, summary, ruleId, ruleVersion, alerts);
  }

  TrackedStory alerted(String rule, int version) {
    return new TrackedStory(story, headline, summary, rule, version, alerts + 1);
  }
}
