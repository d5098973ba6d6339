package dev.bellwether.ingest.http;

import static dev.bellwether.ingest.http.CannedHttpServer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RobotsCacheTest {
  private static final Instant NOW = Instant.parse("2025-06-05T12:00:00Z");

  private final CannedHttpServer server = CannedHttpServer.start();
  private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
  private final Clock clock =
      new Clock() {
        @Override
        public Instant instant() {
          return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }
      };
  private final RobotsCache robots =
      new RobotsCache(
          new SafeHttpClient(HttpSettings.defaults().withRequestTimeout(Duration.ofSeconds(2))),
          clock,
          Duration.ofHours(6),
          Duration.ofMinutes(15));

  @AfterEach
  void stopServer() {
    server.close();
  }

  private void robotsTxt(String body) {
    server.route("/robots.txt", ok("text/plain", body.getBytes(StandardCharsets.UTF_8), Map.of()));
  }

  @Test
  void obeysTheGroupForBellwetherAndItsCrawlDelay() {
    robotsTxt(
        "User-agent: *\nDisallow: /\n\n"
            + "User-agent: bellwether\nDisallow: /private/\nCrawl-delay: 5\n");

    RobotsVerdict feed = robots.verdict(server.url("/feeds/ai.xml"), true);
    RobotsVerdict hidden = robots.verdict(server.url("/private/feed.xml"), true);

    assertThat(feed).isEqualTo(new RobotsVerdict(true, false, Duration.ofSeconds(5)));
    assertThat(hidden.allowed()).isFalse();
  }

  @Test
  void refusesADisallowedUrlWithAClearReason() {
    robotsTxt("User-agent: *\nDisallow: /feeds/\n");

    FetchException e =
        catchThrowableOfType(
            FetchException.class, () -> robots.requireAllowed(server.url("/feeds/ai.xml"), true));

    assertThat(e.kind()).isEqualTo(FetchException.Kind.ROBOTS_DISALLOWED);
    assertThat(e.retriable()).isFalse();
    assertThat(e.getMessage()).contains("robots.txt of http://127.0.0.1:").contains("disallows");
  }

  @Test
  void allowsEverythingWhenThereIsNoRobotsTxt() {
    assertThat(robots.verdict(server.url("/feeds/ai.xml"), true).allowed()).isTrue();
  }

  @Test
  void defersVisitsWhileRobotsTxtAnswers5xxAndRetriesLater() {
    server.route(
        "/robots.txt",
        exchange -> {
          if (server.requests("/robots.txt").size() == 1) {
            exchange.sendResponseHeaders(503, -1);
          } else {
            CannedHttpServer.send(exchange, 200, "User-agent: *\nAllow: /\n".getBytes());
          }
        });

    FetchException e =
        catchThrowableOfType(
            FetchException.class, () -> robots.requireAllowed(server.url("/feed"), true));
    now.set(NOW.plus(Duration.ofMinutes(16)));

    assertThat(e.kind()).isEqualTo(FetchException.Kind.ROBOTS_DISALLOWED);
    assertThat(e.retriable()).isTrue();
    assertThat(robots.verdict(server.url("/feed"), true).allowed()).isTrue();
  }

  @Test
  void readsRobotsTxtOncePerOriginUntilItExpires() {
    robotsTxt("User-agent: *\nAllow: /\n");

    robots.verdict(server.url("/a"), true);
    robots.verdict(server.url("/b"), true);
    now.set(NOW.plus(Duration.ofHours(5)));
    robots.verdict(server.url("/c"), true);
    now.set(NOW.plus(Duration.ofHours(7)));
    robots.verdict(server.url("/d"), true);

    assertThat(server.requests("/robots.txt")).hasSize(2);
  }

  @Test
  void readsRobotsTxtThroughTheSameAddressChecks() {
    robotsTxt("User-agent: *\nDisallow: /\n");

    RobotsVerdict verdict = robots.verdict(server.url("/feed"), false);

    assertThat(server.requests("/robots.txt")).isEmpty();
    assertThat(verdict.allowed()).isTrue(); // the feed fetch itself is then refused, clearly
  }

  @Test
  void treatsAnOversizedRobotsTxtAsAbsent() {
    byte[] huge = new byte[(int) RobotsCache.MAX_ROBOTS_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) '#');
    server.route("/robots.txt", ok("text/plain", huge, Map.of()));

    assertThat(robots.verdict(server.url("/feed"), true).allowed()).isTrue();
  }
}
