package dev.bellwether.core.watchlist;

/** How urgently analysts want to hear about a matching event. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH
}
