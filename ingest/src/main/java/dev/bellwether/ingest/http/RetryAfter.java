package dev.bellwether.ingest.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code Retry-After} header (RFC 9110 §10.2.3): either a number of seconds or an HTTP
 * date. Lenient: anything else, or a negative delay, counts as no header at all.
 */
public final class RetryAfter {
  private RetryAfter() {}

  /** When the server says to come back, judged from {@code now}; empty if it does not say. */
  public static Optional<Instant> parse(@Nullable String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    if (value.chars().allMatch(Character::isDigit)) {
      return seconds(value).map(now::plus);
    }
    try {
      Instant date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(date.isBefore(now) ? now : date);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> seconds(String digits) {
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(digits)));
    } catch (NumberFormatException e) {
      return Optional.of(Duration.ofDays(365)); // absurdly many digits: callers cap it
    }
  }
}
