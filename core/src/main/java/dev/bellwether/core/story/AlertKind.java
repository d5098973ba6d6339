package dev.bellwether.core.story;

/** What a story's change means for its alert. */
public enum AlertKind {
  /** The story was first seen: one per story, never a second. */
  NEW,
  /** The story gained a source, a fact, a confirmation or a status. */
  UPDATE,
  /** The report added nothing (an article already cited). */
  NOTHING
}
