package dev.bellwether.core.story;

import dev.bellwether.core.watchlist.Severity;
import java.util.Objects;

/**
 * An alert the story stage is to publish: about which story as it now stands, {@code NEW} or {@code
 * UPDATE}, why, under which rule, and the report that brought it.
 *
 * @param tracked the story after the alert (its {@code alerts} count includes this one)
 * @param trigger the report whose arrival warranted the alert
 */
public record StoryAlert(
    TrackedStory tracked,
    AlertKind kind,
    String reason,
    String ruleId,
    Severity severity,
    int ruleVersion,
    Report trigger) {
  public StoryAlert {
    Objects.requireNonNull(tracked, "tracked");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(trigger, "trigger");
  }

  /** The alert's id: the story id and the alert's number in the story ({@code st-…-2}). */
  public String id() {
    return tracked.id() + "-" + tracked.alerts();
  }
}
