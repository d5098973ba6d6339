package dev.bellwether.processors.trends;

import java.time.Duration;
import java.util.Locale;

/** The two window sizes trends are counted in, each with its store and default query span. */
public enum TrendWindow {
  HOUR(Duration.ofHours(1), "trends-hour", Duration.ofHours(48)),
  DAY(Duration.ofDays(1), "trends-day", Duration.ofDays(7));

  private final Duration size;
  private final String store;
  private final Duration defaultSpan;

  TrendWindow(Duration size, String store, Duration defaultSpan) {
    this.size = size;
    this.store = store;
    this.defaultSpan = defaultSpan;
  }

  public Duration size() {
    return size;
  }

  /** The name of the window store holding the counts (also names its changelog topic). */
  public String store() {
    return store;
  }

  /** How far back a query looks when it gives no {@code from}. */
  public Duration defaultSpan() {
    return defaultSpan;
  }

  /** The name used in queries and answers: {@code hour} or {@code day}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
