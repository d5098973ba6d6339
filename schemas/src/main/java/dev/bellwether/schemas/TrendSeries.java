package dev.bellwether.schemas;

import dev.bellwether.schemas.avro.EventType;
import java.time.Instant;
import java.util.List;

/**
 * The trend counts of one company and event type: the windows with a count, in time order. The
 * processors count them, the dashboard answers {@code /api/trends} with them, and instances send
 * them to each other as that answer's JSON.
 */
public record TrendSeries(String company, EventType type, List<TrendSeries.Point> points) {
  public TrendSeries {
    points = List.copyOf(points);
  }

  /** The count of one window, by the window's start. */
  public record Point(Instant start, long count) {}
}
