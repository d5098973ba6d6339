package dev.bellwether.core.story;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What adding a report did: the story before (null when the report started it), the story after,
 * and the alert that warrants.
 */
public record Assignment(@Nullable Story before, Story after, AlertDecision decision) {
  public Assignment {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(decision, "decision");
  }

  /** Whether the report started a new story. */
  public boolean startedStory() {
    return before == null;
  }
}
