package dev.bellwether.core.tagging;

/** Whether an event has happened or is only talked about. */
public enum EventStatus {
  /** Done, agreed, imposed, or committed to by the actor. */
  ANNOUNCED,
  /** Talks, plans, targets, proposals. */
  REPORTED
}
