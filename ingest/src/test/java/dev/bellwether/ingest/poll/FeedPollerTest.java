package dev.bellwether.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.ingest.feed.FeedParser;
import dev.bellwether.ingest.http.CannedRoutes;
import dev.bellwether.ingest.http.HttpSettings;
import dev.bellwether.ingest.http.RobotsCache;
import dev.bellwether.ingest.http.SafeHttpClient;
import dev.bellwether.ingest.http.Validators;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.schemas.DeadLetters;
import dev.bellwether.schemas.avro.FeedItem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedPollerTest {
  private static final Instant NOW = Instant.parse("2025-06-05T12:00:00Z");

  private final MockWebServer server = new MockWebServer();
  private final CannedRoutes routes = CannedRoutes.serve(server);
  private final FeedPoller poller =
      new FeedPoller(
          new SafeHttpClient(HttpSettings.defaults()),
          new FeedParser(),
          Clock.fixed(NOW, ZoneOffset.UTC),
          true);

  @AfterEach
  void stopServer() {
    server.close();
  }

  static byte[] fixture(String name) {
    try (InputStream in = FeedPollerTest.class.getResourceAsStream("/fixtures/feeds/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private SourceDefinition source(String id, String path) {
    return new SourceDefinition(
        id, "rss", "Outlet " + id, routes.url(path), Duration.ofMinutes(1), true);
  }

  @Test
  void mapsEntriesToFeedItems() {
    routes.route("/rss", CannedRoutes.ok("application/rss+xml", fixture("rss2.xml"), Map.of()));

    PollResult result = poller.poll(source("frontier", "/rss"));

    assertThat(result).isInstanceOf(PollResult.Fetched.class);
    PollResult.Fetched fetched = (PollResult.Fetched) result;
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.items())
        .hasSize(2)
        .allSatisfy(
            item -> {
              assertThat(item.getSourceId()).isEqualTo("frontier");
              assertThat(item.getOutlet()).isEqualTo("Outlet frontier");
              assertThat(item.getDiscovered()).isEqualTo(NOW);
            })
        .extracting(FeedItem::getTitle)
        .containsExactly("Anthropic raises $2 billion round", "Nvidia chips face new export rules");
  }

  @Test
  void sendsRememberedValidatorsOnlyAfterTheItemsAreSafe() {
    routes.route(
        "/rss",
        CannedRoutes.conditional(
            "\"v7\"", CannedRoutes.ok("text/xml", fixture("rss2.xml"), Map.of())));
    SourceDefinition source = source("frontier", "/rss");

    PollResult.Fetched first = (PollResult.Fetched) poller.poll(source);
    PollResult notRemembered = poller.poll(source);
    poller.remember(first);
    PollResult afterRemember = poller.poll(source);

    assertThat(first.validators()).isEqualTo(new Validators("\"v7\"", null));
    assertThat(notRemembered).isInstanceOf(PollResult.Fetched.class);
    assertThat(afterRemember).isInstanceOf(PollResult.NotModified.class);
    assertThat(routes.requests().get(2).getHeaders().get("If-None-Match")).isEqualTo("\"v7\"");
  }

  @Test
  void forgetsValidatorsWhenTheUrlChanges() {
    routes.route("/rss", CannedRoutes.ok("text/xml", fixture("rss2.xml"), Map.of("ETag", "\"a\"")));
    SourceDefinition source = source("frontier", "/rss");
    poller.remember((PollResult.Fetched) poller.poll(source));

    SourceDefinition moved =
        new SourceDefinition(
            "frontier", "rss", "x", URI.create(source.url() + "?v=2"), Duration.ofMinutes(1), true);

    assertThat(poller.validatorsFor(source)).isEqualTo(new Validators("\"a\"", null));
    assertThat(poller.validatorsFor(moved)).isEqualTo(Validators.none());
    poller.forget("frontier");
    assertThat(poller.validatorsFor(source)).isEqualTo(Validators.none());
  }

  @Test
  void reportsAParseFailureWithTheOriginalBytes() {
    byte[] malformed = fixture("malformed.xml");
    routes.route("/broken", CannedRoutes.ok("text/xml", malformed, Map.of()));

    PollResult result = poller.poll(source("broken", "/broken"));

    assertThat(result)
        .isInstanceOfSatisfying(
            PollResult.Failed.class,
            failed -> {
              assertThat(failed.stage()).isEqualTo("ingest.feed");
              assertThat(failed.kind()).isEqualTo("PARSE");
              assertThat(failed.reason()).startsWith("The document is not well-formed XML");
              assertThat(failed.original()).isEqualTo(malformed);
              assertThat(failed.originalSize()).isEqualTo(malformed.length);
              assertThat(failed.retriable()).isFalse();
            });
  }

  @Test
  void boundsTheOriginalBytesOfAFailure() {
    byte[] junk = new byte[200 * 1024];
    java.util.Arrays.fill(junk, (byte) 'x');
    routes.route("/junk", CannedRoutes.ok("text/xml", junk, Map.of()));

    PollResult.Failed failed = (PollResult.Failed) poller.poll(source("junk", "/junk"));

    assertThat(failed.original()).hasSize(DeadLetters.MAX_ORIGINAL_BYTES);
    assertThat(failed.originalSize()).isEqualTo(junk.length);
  }

  @Test
  void reportsAnHttpFailureWithItsKind() {
    routes.route("/down", CannedRoutes.status(503, Map.of()));

    PollResult.Failed failed = (PollResult.Failed) poller.poll(source("down", "/down"));

    assertThat(failed.stage()).isEqualTo("ingest.http");
    assertThat(failed.kind()).isEqualTo("HTTP_STATUS");
    assertThat(failed.reason()).contains("503");
    assertThat(failed.retriable()).isTrue();
  }

  @Test
  void refusesPrivateAddressesUnlessBothWorkerAndSourceAllowThem() {
    routes.route("/rss", CannedRoutes.ok("text/xml", fixture("rss2.xml"), Map.of()));
    FeedPoller strict =
        new FeedPoller(
            new SafeHttpClient(HttpSettings.defaults()),
            new FeedParser(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            false);

    PollResult result = strict.poll(source("frontier", "/rss"));

    assertThat(result)
        .isInstanceOfSatisfying(
            PollResult.Failed.class, f -> assertThat(f.kind()).isEqualTo("BLOCKED_ADDRESS"));
    assertThat(routes.requests()).isEmpty();
  }

  private FeedPoller politePoller() {
    SafeHttpClient http = new SafeHttpClient(HttpSettings.defaults());
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    RobotsCache robots = new RobotsCache(http, clock, Duration.ofHours(6), Duration.ofMinutes(15));
    return new FeedPoller(http, new FeedParser(), clock, true, robots);
  }

  @Test
  void doesNotFetchWhatRobotsTxtDisallows() {
    routes.route(
        "/robots.txt",
        CannedRoutes.ok("text/plain", "User-agent: *\nDisallow: /private/\n".getBytes(), Map.of()));
    routes.route("/private/rss", CannedRoutes.ok("text/xml", fixture("rss2.xml"), Map.of()));

    PollResult result = politePoller().poll(source("hidden", "/private/rss"));

    assertThat(result).isInstanceOf(PollResult.Failed.class);
    PollResult.Failed failed = (PollResult.Failed) result;
    assertThat(failed.kind()).isEqualTo("ROBOTS_DISALLOWED");
    assertThat(failed.stage()).isEqualTo(PollResult.Failed.STAGE_HTTP);
    assertThat(failed.reason()).contains("disallows");
    assertThat(routes.requests("/private/rss")).isEmpty();
  }

  @Test
  void reportsCrawlDelayBytesAndLatencyOfAnAttempt() {
    routes.route(
        "/robots.txt",
        CannedRoutes.ok("text/plain", "User-agent: *\nCrawl-delay: 3\n".getBytes(), Map.of()));
    byte[] rss = fixture("rss2.xml");
    routes.route("/rss", CannedRoutes.ok("application/rss+xml", rss, Map.of()));

    PollAttempt attempt = politePoller().attempt(source("wire", "/rss"));

    assertThat(attempt.result()).isInstanceOf(PollResult.Fetched.class);
    assertThat(attempt.crawlDelay()).isEqualTo(Duration.ofSeconds(3));
    assertThat(attempt.bodyBytes()).isEqualTo(rss.length);
    assertThat(attempt.started()).isEqualTo(NOW);
    assertThat(attempt.latency()).isPositive();
  }

  @Test
  void reportsWhenA429AsksUsToComeBack() {
    routes.route("/rss", CannedRoutes.status(429, Map.of("Retry-After", "90")));

    PollAttempt attempt = poller.attempt(source("wire", "/rss"));

    assertThat(((PollResult.Failed) attempt.result()).retriable()).isTrue();
    assertThat(attempt.retryAfter()).isEqualTo(NOW.plusSeconds(90));
  }

  @Test
  void refusesAGzipBombAsTooLarge() throws IOException {
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 12; i++) {
        gzip.write(zeros);
      }
    }
    routes.route(
        "/bomb",
        CannedRoutes.ok("text/xml", zipped.toByteArray(), Map.of("Content-Encoding", "gzip")));

    PollResult result = poller.poll(source("bomb", "/bomb"));

    assertThat(((PollResult.Failed) result).kind()).isEqualTo("TOO_LARGE");
    assertThat(((PollResult.Failed) result).retriable()).isFalse();
  }
}
