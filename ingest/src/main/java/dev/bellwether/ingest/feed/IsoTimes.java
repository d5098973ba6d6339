package dev.bellwether.ingest.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Strict ISO 8601 readings of the dates and times that APIs and feeds state exactly (JSON Feed,
 * EDGAR, the Federal Register): a value that is absent or not in the form gives null rather than an
 * error, since one odd field must not cost the rest of an entry.
 */
public final class IsoTimes {
  private IsoTimes() {}

  /** A date and time with an offset ({@code 2026-11-25T13:20:00-05:00}), or null. */
  public static @Nullable Instant instant(@Nullable String text) {
    try {
      return text == null ? null : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** A calendar date ({@code 2026-11-25}), or null. */
  public static @Nullable LocalDate date(@Nullable String text) {
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
