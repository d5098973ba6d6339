package dev.bellwether.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostThrottleTest {
  private static final Instant NOW = Instant.parse("2025-06-05T12:00:00Z");

  private final HostThrottle throttle = new HostThrottle(PolitenessSettings.defaults());

  @Test
  void allowsOneRequestPerSecondPerHostByDefault() {
    assertThat(throttle.tryAcquire("wire.example", NOW)).isEmpty();
    assertThat(throttle.tryAcquire("wire.example", NOW.plusMillis(400)))
        .contains(NOW.plusSeconds(1));
    assertThat(throttle.tryAcquire("other.example", NOW.plusMillis(400))).isEmpty();
    assertThat(throttle.tryAcquire("WIRE.example", NOW.plusSeconds(1))).isEmpty();
  }

  @Test
  void usesTheRateConfiguredForAHost() {
    PolitenessSettings settings =
        new PolitenessSettings(
            1.0,
            1,
            Map.of("Fast.Example", 4.0),
            Duration.ofMinutes(1),
            true,
            Duration.ofHours(6),
            Duration.ofMinutes(15),
            Duration.ofHours(6),
            Duration.ofHours(6));
    HostThrottle perHost = new HostThrottle(settings);

    assertThat(perHost.tryAcquire("fast.example", NOW)).isEmpty();
    assertThat(perHost.tryAcquire("fast.example", NOW.plusMillis(250))).isEmpty();
    assertThat(perHost.spacing("fast.example")).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void appliesACrawlDelayUpToTheMaximum() {
    throttle.crawlDelay("slow.example", Duration.ofSeconds(10));
    throttle.crawlDelay("glacial.example", Duration.ofHours(1));

    assertThat(throttle.tryAcquire("slow.example", NOW)).isEmpty();
    assertThat(throttle.tryAcquire("slow.example", NOW.plusSeconds(5)))
        .contains(NOW.plusSeconds(10));
    assertThat(throttle.spacing("glacial.example")).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void pausesAHostUntilItsRetryAfterEvenWithoutRateLimits() {
    HostThrottle unlimited = new HostThrottle(PolitenessSettings.defaults().withoutHostLimits());
    unlimited.pauseUntil("busy.example", NOW.plusSeconds(120));

    assertThat(unlimited.tryAcquire("busy.example", NOW)).contains(NOW.plusSeconds(120));
    assertThat(unlimited.tryAcquire("busy.example", NOW.plusSeconds(120))).isEmpty();
    assertThat(unlimited.tryAcquire("busy.example", NOW.plusSeconds(120))).isEmpty();
  }
}
