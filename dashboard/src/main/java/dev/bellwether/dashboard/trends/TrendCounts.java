package dev.bellwether.dashboard.trends;

import dev.bellwether.schemas.TrendSeries;
import java.time.Instant;
import java.util.List;

/**
 * An answer to a trends request: per company and event type, the windows with a count, in time
 * order.
 *
 * @param window {@code hour} or {@code day}
 */
public record TrendCounts(String window, Instant from, Instant to, List<TrendSeries> series) {
  public TrendCounts {
    series = List.copyOf(series);
  }
}
