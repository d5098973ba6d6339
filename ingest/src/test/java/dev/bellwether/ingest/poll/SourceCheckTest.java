package dev.bellwether.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bellwether.ingest.feed.FeedParser;
import dev.bellwether.ingest.http.CannedRoutes;
import dev.bellwether.ingest.http.HttpSettings;
import dev.bellwether.ingest.http.RobotsCache;
import dev.bellwether.ingest.http.SafeHttpClient;
import dev.bellwether.ingest.poll.SourceCheck.Outcome;
import dev.bellwether.ingest.poll.SourceCheck.Verdict;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.ingest.source.SourcesFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SourceCheck} against loopback sources of every type and every way a source fails: each
 * outcome says OK or FAILED with the right kind, the HTTP status, the items and the newest date.
 */
class SourceCheckTest {
  private static final String AGENT = "Bellwether Tests tests@bellwether.example";
  private static final Duration GAP = Duration.ofMillis(150);

  private final MockWebServer server = new MockWebServer();
  private final CannedRoutes routes = CannedRoutes.serve(server);
  private final MockWebServer other = new MockWebServer();
  private final CannedRoutes otherRoutes = CannedRoutes.serve(other);

  @AfterEach
  void stopServers() {
    server.close();
    other.close();
  }

  private static byte[] fixture(String path) {
    try (InputStream in = SourceCheckTest.class.getResourceAsStream("/fixtures/" + path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SourceCheck check(boolean allowPrivate, Duration timeout) {
    SafeHttpClient http = new SafeHttpClient(HttpSettings.defaults().withRequestTimeout(timeout));
    Clock clock = Clock.systemUTC();
    RobotsCache robots = new RobotsCache(http, clock, Duration.ofHours(1), Duration.ofMinutes(1));
    FeedPoller poller = new FeedPoller(http, new FeedParser(), clock, allowPrivate, robots);
    return new SourceCheck(poller, GAP, Duration.ofSeconds(2), 4);
  }

  private static SourceDefinition source(
      String id, String type, URI url, Map<String, String> options) {
    Duration interval = Duration.ofMinutes(10);
    return new SourceDefinition(
        id,
        type,
        id,
        url,
        interval,
        true,
        SourceDefinition.defaultMinInterval(interval),
        SourceDefinition.defaultMaxInterval(interval),
        options);
  }

  private SourceDefinition rss(String id, String path) {
    return source(id, SourceDefinition.RSS, routes.url(path), Map.of());
  }

  private SourceDefinition html(String id, String path, String item) {
    return source(
        id,
        SourceDefinition.HTML,
        routes.url(path),
        Map.of("selector.item", item, "selector.link", "a.title", "selector.date", "time"));
  }

  private static Map<String, Outcome> byId(List<Outcome> outcomes) {
    Map<String, Outcome> byId = new java.util.LinkedHashMap<>();
    outcomes.forEach(o -> byId.put(o.id(), o));
    return byId;
  }

  @Test
  void saysOfEachTypeThatItAnsweredAndParsedWithItsItemsAndNewestDate() throws Exception {
    routes
        .route("/feed", CannedRoutes.ok("application/rss+xml", fixture("feeds/rss2.xml"), Map.of()))
        .route("/news", CannedRoutes.ok("text/html", fixture("html/listing.html"), Map.of()))
        .route(
            "/edgar",
            CannedRoutes.ok("application/atom+xml", fixture("edgar/company-filings.xml"), Map.of()))
        .route(
            "/fr",
            CannedRoutes.ok(
                "application/json", fixture("federal-register/documents.json"), Map.of()));
    SourcesFile file =
        new SourcesFile(
            List.of(
                rss("wire", "/feed"),
                html("newsroom", "/news", "article.post"),
                source(
                    "filings",
                    SourceDefinition.EDGAR,
                    routes.url("/edgar"),
                    Map.of("cik", "0009990001", "forms", "8-K,D", "user-agent", AGENT)),
                source(
                    "rules",
                    SourceDefinition.FEDERAL_REGISTER,
                    routes.url("/fr"),
                    Map.of("list", "documents", "agency", "industry-and-security-bureau"))),
            true);

    List<Outcome> outcomes = check(true, Duration.ofSeconds(5)).check(file, o -> {});

    assertThat(outcomes)
        .extracting(Outcome::id, Outcome::verdict, Outcome::httpStatus, Outcome::failure)
        .containsExactly(
            tuple("wire", Verdict.OK, 200, null),
            tuple("newsroom", Verdict.OK, 200, null),
            tuple("filings", Verdict.OK, 200, null),
            tuple("rules", Verdict.OK, 200, null));
    Map<String, Outcome> byId = byId(outcomes);
    assertThat(byId.get("wire").items()).isEqualTo(2);
    assertThat(byId.get("wire").newest()).isEqualTo(Instant.parse("2025-06-04T07:00:00Z"));
    assertThat(byId.get("newsroom").items()).isEqualTo(3);
    assertThat(byId.get("newsroom").newest()).isEqualTo(Instant.parse("2025-01-30T14:05:00Z"));
    assertThat(byId.get("filings").items()).isEqualTo(2);
    assertThat(byId.get("rules").items()).isEqualTo(2);
    assertThat(outcomes).allSatisfy(o -> assertThat(o.time()).isPositive());
  }

  @Test
  void namesEveryWayASourceFails() throws Exception {
    routes
        .route(
            "/robots.txt",
            CannedRoutes.ok(
                "text/plain",
                "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8),
                Map.of()))
        .route("/private/feed", CannedRoutes.ok("application/rss+xml", new byte[0], Map.of()))
        .route("/forbidden", CannedRoutes.status(403, Map.of()))
        .route("/gone", CannedRoutes.status(404, Map.of()))
        .route("/page", CannedRoutes.ok("text/html", fixture("edgar/not-found.html"), Map.of()))
        .route("/news", CannedRoutes.ok("text/html", fixture("html/listing.html"), Map.of()))
        .route(
            "/slow",
            new MockResponse.Builder()
                .headersDelay(3, TimeUnit.SECONDS)
                .body(CannedRoutes.bytes(fixture("feeds/rss2.xml")))
                .build());
    URI refused;
    try (ServerSocket closed = new ServerSocket(0)) {
      refused = URI.create("http://127.0.0.1:" + closed.getLocalPort() + "/feed");
    }
    SourcesFile file =
        new SourcesFile(
            List.of(
                rss("disallowed", "/private/feed"),
                rss("forbidden", "/forbidden"),
                rss("gone", "/gone"),
                rss("html-not-feed", "/page"),
                html("redesigned", "/news", "div.card"),
                rss("slow", "/slow"),
                source("nobody-home", SourceDefinition.RSS, refused, Map.of())),
            true);

    List<Outcome> outcomes = check(true, Duration.ofMillis(800)).check(file, o -> {});

    assertThat(outcomes)
        .extracting(Outcome::id, Outcome::verdict, Outcome::failure, Outcome::httpStatus)
        .containsExactly(
            tuple("disallowed", Verdict.FAILED, "robots", 0),
            tuple("forbidden", Verdict.FAILED, "http-status", 403),
            tuple("gone", Verdict.FAILED, "http-status", 404),
            tuple("html-not-feed", Verdict.FAILED, "not-a-feed", 200),
            tuple("redesigned", Verdict.FAILED, "selector", 200),
            tuple("slow", Verdict.FAILED, "timeout", 0),
            tuple("nobody-home", Verdict.FAILED, "robots-unreadable", 0));
    Map<String, Outcome> byId = byId(outcomes);
    assertThat(byId.get("disallowed").why()).contains("robots.txt");
    assertThat(byId.get("forbidden").why()).contains("403");
    assertThat(byId.get("nobody-home").why())
        .startsWith("robots.txt of " + refused.resolve("/").toString().replaceAll("/$", ""))
        .contains("cannot be read now (")
        .endsWith("), so visits are deferred");
    assertThat(byId.get("redesigned").why())
        .isEqualTo("The item selector 'div.card' matched nothing on the page.");
    assertThat(outcomes).allSatisfy(o -> assertThat(o.items()).isZero());
    assertThat(routes.requests("/private/feed")).isEmpty();
  }

  @Test
  void refusesPrivateAddressesTheFileDoesNotAllowAndReportsOffSources() throws Exception {
    routes.route(
        "/feed", CannedRoutes.ok("application/rss+xml", fixture("feeds/rss2.xml"), Map.of()));
    SourcesFile file =
        new SourcesFile(
            List.of(rss("inside", "/feed")),
            false,
            List.of(
                new SourcesFile.Off(
                    "filings",
                    SourceDefinition.EDGAR,
                    "Frontier",
                    URI.create("https://www.sec.gov/cgi-bin/browse-edgar?CIK=1"),
                    SourcesFile.EDGAR_OFF_REASON)));

    List<Outcome> outcomes = check(false, Duration.ofSeconds(5)).check(file, o -> {});

    assertThat(outcomes)
        .extracting(Outcome::id, Outcome::verdict, Outcome::failure)
        .containsExactly(
            tuple("inside", Verdict.FAILED, "blocked-address"),
            tuple("filings", Verdict.OFF, null));
    assertThat(outcomes.get(1).why()).contains("BELLWETHER_EDGAR_USER_AGENT");
    assertThat(routes.requests()).isEmpty();
  }

  @Test
  void pollsOneHostAtATimeWithAGapAndHostsAlongsideEachOther() throws Exception {
    byte[] feed = fixture("feeds/rss2.xml");
    routes.route("/a", CannedRoutes.ok("application/rss+xml", feed, Map.of()));
    otherRoutes.route("/b", CannedRoutes.ok("application/rss+xml", feed, Map.of()));
    List<SourceDefinition> sources = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sources.add(rss("a" + i, "/a/" + i));
      sources.add(source("b" + i, SourceDefinition.RSS, otherRoutes.url("/b/" + i), Map.of()));
    }
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    List<Long> aTimes = Collections.synchronizedList(new ArrayList<>());

    List<Outcome> outcomes =
        check(true, Duration.ofSeconds(5))
            .check(
                new SourcesFile(sources, true),
                o -> {
                  order.add(o.id());
                  if (o.id().startsWith("a")) {
                    aTimes.add(System.nanoTime());
                  }
                });

    assertThat(outcomes).extracting(Outcome::verdict).containsOnly(Verdict.OK);
    assertThat(outcomes)
        .extracting(Outcome::id)
        .containsExactly("a0", "b0", "a1", "b1", "a2", "b2");
    assertThat(order).containsSubsequence("a0", "a1", "a2").containsSubsequence("b0", "b1", "b2");
    for (int i = 1; i < aTimes.size(); i++) {
      assertThat(Duration.ofNanos(aTimes.get(i) - aTimes.get(i - 1))).isGreaterThanOrEqualTo(GAP);
    }
  }
}
