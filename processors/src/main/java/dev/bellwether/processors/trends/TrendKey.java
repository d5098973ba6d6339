package dev.bellwether.processors.trends;

import dev.bellwether.schemas.avro.EventType;

/**
 * What a count is kept for: one company and one event type, stored as {@code company|TYPE}. The
 * type never contains {@code |}, so the last one separates them even if a company name had one.
 */
public record TrendKey(String company, EventType type) {
  private static final char SEPARATOR = '|';

  public TrendKey {
    if (company.isBlank()) {
      throw new IllegalArgumentException("company must not be blank");
    }
  }

  public String encoded() {
    return company + SEPARATOR + type.name();
  }

  /** The key stored as {@code encoded}. */
  public static TrendKey decode(String encoded) {
    int at = encoded.lastIndexOf(SEPARATOR);
    if (at <= 0) {
      throw new IllegalArgumentException("not a trend key: " + encoded);
    }
    return new TrendKey(encoded.substring(0, at), EventType.valueOf(encoded.substring(at + 1)));
  }
}
