package dev.bellwether.ingest.html;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the dates listing pages show: ISO 8601 ({@code 2025-01-30T14:05:00Z}, with an offset, or a
 * plain date), RFC 1123, and English forms such as {@code January 30, 2025}, {@code Jan 30, 2025}
 * and {@code 30 January 2025}. A time without offset, or a date without time, is taken as UTC.
 */
final class ListingDates {
  private static final List<DateTimeFormatter> ZONED =
      List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME, DateTimeFormatter.RFC_1123_DATE_TIME);
  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          english("MMMM d, uuuu"),
          english("MMM d, uuuu"),
          english("d MMMM uuuu"),
          english("d MMM uuuu"),
          english("uuuu/MM/dd"));

  private ListingDates() {}

  /** The instant {@code text} names, or null if it is none of the known forms. */
  static @Nullable Instant parse(String text) {
    String value = text.trim().replaceAll("\\s+", " ");
    for (DateTimeFormatter format : ZONED) {
      Instant instant = attempt(() -> OffsetDateTime.parse(value, format).toInstant());
      if (instant != null) {
        return instant;
      }
    }
    Instant local = attempt(() -> LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
    if (local != null) {
      return local;
    }
    for (DateTimeFormatter format : DATES) {
      Instant day =
          attempt(() -> LocalDate.parse(value, format).atStartOfDay(ZoneOffset.UTC).toInstant());
      if (day != null) {
        return day;
      }
    }
    return null;
  }

  private interface Attempt {
    Instant get();
  }

  private static @Nullable Instant attempt(Attempt attempt) {
    try {
      return attempt.get();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** English month names, matched in any case. */
  private static DateTimeFormatter english(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.ENGLISH);
  }
}
