package dev.bellwether.processors.trends;

import java.time.Duration;
import java.util.Locale;

/** The two window sizes trends are counted in, each with its store and default query span. */
public enum TrendWindow {
  HOUR(Duration.ofHours(1), Duration.ofHours(48)),
  DAY(Duration.ofDays(1), Duration.ofDays(7));

  private final Duration size;
  private final Duration defaultSpan;

  TrendWindow(Duration size, Duration defaultSpan) {
    this.size = size;
    this.defaultSpan = defaultSpan;
  }

  public Duration size() {
    return size;
  }

  /**
   * The name of the window store holding the counts, {@code trends-hour} or {@code trends-day}
   * (also names its changelog topic, so it must not change).
   */
  public String store() {
    return "trends-" + label();
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
