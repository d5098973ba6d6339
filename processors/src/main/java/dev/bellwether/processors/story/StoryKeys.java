package dev.bellwether.processors.story;

import dev.bellwether.core.story.StoryEvent;
import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import dev.bellwether.schemas.avro.TaggedEvent;
import java.util.Optional;

/**
 * The signature key a tagged event's story is kept under: its type and the companies that make two
 * reports the same story (the lead company; for a partnership its set of parties; for an
 * acquisition its target; for an export control without a company its authority). Every report that
 * can join a story by its signature has the same key, so keying by it brings them to the same task.
 * A near-duplicate text whose tagged lead differs lands under another key and starts a story of its
 * own there.
 */
public final class StoryKeys {
  private StoryKeys() {}

  /** The key of the event's story, or empty for an event stories cannot hold. */
  public static Optional<String> keyOf(TaggedEvent event) {
    return storyEvent(event).map(StoryEvent::signatureKey);
  }

  /** The story-relevant part of a tagged event; empty when its type or status is unknown. */
  static Optional<StoryEvent> storyEvent(TaggedEvent event) {
    if (event.getType() == dev.bellwether.schemas.avro.EventType.UNKNOWN
        || event.getStatus() == dev.bellwether.schemas.avro.EventStatus.UNKNOWN) {
      return Optional.empty();
    }
    return Optional.of(
        new StoryEvent(
            EventType.valueOf(event.getType().name()),
            EventStatus.valueOf(event.getStatus().name()),
            event.getCompanies(),
            event.getFacts(),
            event.getEnded(),
            event.getRelaxed()));
  }
}
