package dev.bellwether.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2025-06-05T12:00:00Z");

  @Test
  void readsDelaySeconds() {
    assertThat(RetryAfter.parse("120", NOW)).contains(NOW.plusSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(NOW);
  }

  @Test
  void readsAnHttpDate() {
    assertThat(RetryAfter.parse("Thu, 05 Jun 2025 13:30:00 GMT", NOW))
        .contains(Instant.parse("2025-06-05T13:30:00Z"));
  }

  @Test
  void treatsADateInThePastAsNow() {
    assertThat(RetryAfter.parse("Wed, 04 Jun 2025 13:30:00 GMT", NOW)).contains(NOW);
  }

  @Test
  void ignoresWhatItCannotRead() {
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
  }

  @Test
  void turnsAbsurdlyLongDelaysIntoAYearForCallersToCap() {
    assertThat(RetryAfter.parse("99999999999999999999999", NOW))
        .contains(NOW.plus(java.time.Duration.ofDays(365)));
  }
}
