package dev.bellwether.core.tagging;

/** The kinds of event Bellwether reports. */
public enum EventType {
  FUNDING,
  EXPORT_CONTROL,
  PARTNERSHIP,
  ACQUISITION,
  IPO
}
