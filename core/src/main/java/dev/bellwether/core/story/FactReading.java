package dev.bellwether.core.story;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One value a story's sources gave for a fact, how many sources gave it, and when it was first
 * published.
 */
public record FactReading(String value, long sources, Instant firstSeen) {
  /** Most confirmed first; ties go to the earliest published, then the value. */
  public static final Comparator<FactReading> MOST_CONFIRMED_FIRST =
      Comparator.comparingLong(FactReading::sources)
          .reversed()
          .thenComparing(FactReading::firstSeen)
          .thenComparing(FactReading::value);

  public FactReading {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(firstSeen, "firstSeen");
    if (sources < 1) {
      throw new IllegalArgumentException("a reading needs a source, not " + sources);
    }
  }

  /** This reading confirmed by one more source, published at {@code published}. */
  FactReading confirmedAt(Instant published) {
    return new FactReading(
        value, sources + 1, published.isBefore(firstSeen) ? published : firstSeen);
  }
}
