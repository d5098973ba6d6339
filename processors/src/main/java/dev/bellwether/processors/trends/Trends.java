package dev.bellwether.processors.trends;

import dev.bellwether.schemas.TrendSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An answer: per company and type, the windows with a count, in time order. Windows without events
 * are left out.
 */
public record Trends(TrendWindow window, Instant from, Instant to, List<TrendSeries> series) {
  public Trends {
    series = List.copyOf(series);
  }

  /**
   * Series from several sources (this instance and its peers) as one answer, sorted by company,
   * type and window start. A key lives on one instance, so points never collide; if they did, the
   * higher count would win.
   */
  static Trends merge(TrendsRequest request, List<TrendSeries> parts) {
    Map<TrendKey, Map<Instant, Long>> byKey =
        new TreeMap<>(Comparator.comparing(TrendKey::company).thenComparing(k -> k.type().name()));
    for (TrendSeries s : parts) {
      Map<Instant, Long> points =
          byKey.computeIfAbsent(new TrendKey(s.company(), s.type()), k -> new TreeMap<>());
      s.points().forEach(p -> points.merge(p.start(), p.count(), Math::max));
    }
    List<TrendSeries> series = new ArrayList<>();
    byKey.forEach(
        (key, points) ->
            series.add(
                new TrendSeries(
                    key.company(),
                    key.type(),
                    points.entrySet().stream()
                        .map(e -> new TrendSeries.Point(e.getKey(), e.getValue()))
                        .toList())));
    return new Trends(request.window(), request.from(), request.to(), series);
  }
}
