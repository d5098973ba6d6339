package dev.bellwether.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the publication times that pages declare: ISO 8601 with or without an offset or zone (a
 * time without one is taken as UTC, a date alone as midnight UTC), a space instead of the {@code
 * T}, offsets without a colon ({@code +0100}), and RFC 1123 ({@code Tue, 3 Jun 2008 11:05:30 GMT}).
 */
final class Dates {
  private static final Pattern SPACE_BEFORE_TIME =
      Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) +(\\d)");
  private static final Pattern SPACE_BEFORE_ZONE = Pattern.compile("(\\d) +(Z|[+-]\\d)");
  private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
  private static final Pattern SHORT_OFFSET = Pattern.compile("(T[\\d:.]+[+-]\\d{2})$");
  private static final DateTimeFormatter RFC_1123 =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.RFC_1123_DATE_TIME)
          .toFormatter(Locale.ROOT);
  private static final List<DateTimeFormatter> WRITTEN_OUT =
      List.of(
          DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));

  private Dates() {}

  /** The instant a page's date text names, or empty when it is not a date this reads. */
  static Optional<Instant> parse(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    return Optional.ofNullable(iso(normalise(trimmed)))
        .or(() -> Optional.ofNullable(rfc1123(trimmed)))
        .or(() -> Optional.ofNullable(writtenOut(trimmed)));
  }

  private static String normalise(String text) {
    String iso = SPACE_BEFORE_TIME.matcher(text).replaceFirst("$1T$2");
    iso = SPACE_BEFORE_ZONE.matcher(iso).replaceFirst("$1$2");
    iso = OFFSET_WITHOUT_COLON.matcher(iso).replaceFirst("$1:$2");
    return SHORT_OFFSET.matcher(iso).replaceFirst("$1:00");
  }

  private static @Nullable Instant iso(String text) {
    try {
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
      return parsed instanceof ZonedDateTime zoned
          ? zoned.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return isoDate(text);
    }
  }

  private static @Nullable Instant isoDate(String text) {
    try {
      return LocalDate.parse(text, DateTimeFormatter.ISO_DATE)
          .atStartOfDay(ZoneOffset.UTC)
          .toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static @Nullable Instant rfc1123(String text) {
    try {
      return ZonedDateTime.parse(text, RFC_1123).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static @Nullable Instant writtenOut(String text) {
    for (DateTimeFormatter format : WRITTEN_OUT) {
      try {
        return LocalDate.parse(text, format).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return null;
  }
}
