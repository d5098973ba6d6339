package dev.bellwether.dashboard.trends;

import dev.bellwether.schemas.avro.EventType;
import java.time.Instant;
import java.util.List;

/**
 * An answer to a trends request: per company and event type, the windows with a count, in time
 * order.
 *
 * @param window {@code hour} or {@code day}
 */
public record TrendCounts(String window, Instant from, Instant to, List<Series> series) {
  public TrendCounts {
    series = List.copyOf(series);
  }

  /** The counts of one company and event type. */
  public record Series(String company, EventType type, List<Point> points) {
    public Series {
      points = List.copyOf(points);
    }
  }

  /** The count of one window, by the window's start. */
  public record Point(Instant start, long count) {}
}
