package dev.bellwether.ingest.http;

import static dev.bellwether.ingest.http.CannedRoutes.ok;
import static dev.bellwether.ingest.http.CannedRoutes.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RobotsCacheTest {
  private static final Instant NOW = Instant.parse("2025-06-05T12:00:00Z");

  private final MockWebServer server = new MockWebServer();
  private final CannedRoutes routes = CannedRoutes.serve(server);
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
    routes.route("/robots.txt", ok("text/plain", body.getBytes(StandardCharsets.UTF_8), Map.of()));
  }

  @Test
  void obeysTheGroupForBellwetherAndItsCrawlDelay() {
    robotsTxt(
        "User-agent: *\nDisallow: /\n\n"
            + "User-agent: bellwether\nDisallow: /private/\nCrawl-delay: 5\n");

    RobotsVerdict feed = robots.verdict(routes.url("/feeds/ai.xml"), true);
    RobotsVerdict hidden = robots.verdict(routes.url("/private/feed.xml"), true);

    assertThat(feed).isEqualTo(new RobotsVerdict(true, false, Duration.ofSeconds(5)));
    assertThat(hidden.allowed()).isFalse();
  }

  @Test
  void refusesADisallowedUrlWithAClearReason() {
    robotsTxt("User-agent: *\nDisallow: /feeds/\n");

    FetchException e =
        catchThrowableOfType(
            FetchException.class, () -> robots.requireAllowed(routes.url("/feeds/ai.xml"), true));

    assertThat(e.kind()).isEqualTo(FetchException.Kind.ROBOTS_DISALLOWED);
    assertThat(e.retriable()).isFalse();
    assertThat(e.getMessage()).contains("robots.txt of http://127.0.0.1:").contains("disallows");
  }

  @Test
  void allowsEverythingWhenThereIsNoRobotsTxt() {
    assertThat(robots.verdict(routes.url("/feeds/ai.xml"), true).allowed()).isTrue();
  }

  @Test
  void defersVisitsWhileRobotsTxtAnswers5xxAndRetriesLater() {
    routes.route(
        "/robots.txt",
        request ->
            routes.requests("/robots.txt").size() == 1
                ? status(503, Map.of())
                : ok("text/plain", "User-agent: *\nAllow: /\n".getBytes(), Map.of()));

    FetchException e =
        catchThrowableOfType(
            FetchException.class, () -> robots.requireAllowed(routes.url("/feed"), true));
    now.set(NOW.plus(Duration.ofMinutes(16)));

    assertThat(e.kind()).isEqualTo(FetchException.Kind.ROBOTS_DISALLOWED);
    assertThat(e.retriable()).isTrue();
    assertThat(robots.verdict(routes.url("/feed"), true).allowed()).isTrue();
  }

  @Test
  void readsRobotsTxtOncePerOriginUntilItExpires() {
    robotsTxt("User-agent: *\nAllow: /\n");

    robots.verdict(routes.url("/a"), true);
    robots.verdict(routes.url("/b"), true);
    now.set(NOW.plus(Duration.ofHours(5)));
    robots.verdict(routes.url("/c"), true);
    now.set(NOW.plus(Duration.ofHours(7)));
    robots.verdict(routes.url("/d"), true);

    assertThat(routes.requests("/robots.txt")).hasSize(2);
  }

  @Test
  void readsRobotsTxtThroughTheSameAddressChecks() {
    robotsTxt("User-agent: *\nDisallow: /\n");

    RobotsVerdict verdict = robots.verdict(routes.url("/feed"), false);

    assertThat(routes.requests("/robots.txt")).isEmpty();
    assertThat(verdict.allowed()).isTrue(); // the feed fetch itself is then refused, clearly
  }

  @Test
  void treatsAnOversizedRobotsTxtAsAbsent() {
    byte[] huge = new byte[(int) RobotsCache.MAX_ROBOTS_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) '#');
    routes.route("/robots.txt", ok("text/plain", huge, Map.of()));

    assertThat(robots.verdict(routes.url("/feed"), true).allowed()).isTrue();
  }
}
