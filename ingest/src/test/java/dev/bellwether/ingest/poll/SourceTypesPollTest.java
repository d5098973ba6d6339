package dev.bellwether.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.ingest.feed.FeedParser;
import dev.bellwether.ingest.http.CannedRoutes;
import dev.bellwether.ingest.http.HttpSettings;
import dev.bellwether.ingest.http.SafeHttpClient;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.schemas.avro.FeedItem;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link FeedPoller} with each source type against a loopback server. */
class SourceTypesPollTest {
  private static final String AGENT = "Bellwether Tests tests@bellwether.example";

  private final MockWebServer server = new MockWebServer();
  private final CannedRoutes routes = CannedRoutes.serve(server);
  private final FeedPoller poller =
      new FeedPoller(
          new SafeHttpClient(HttpSettings.defaults()),
          new FeedParser(),
          Clock.fixed(Instant.parse("2025-02-01T00:00:00Z"), ZoneOffset.UTC),
          true);

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static byte[] fixture(String path) {
    try (InputStream in = SourceTypesPollTest.class.getResourceAsStream("/fixtures/" + path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private SourceDefinition source(String type, String path, Map<String, String> options) {
    Duration interval = Duration.ofMinutes(10);
    return new SourceDefinition(
        type + "-source",
        type,
        "Frontier Models Inc.",
        routes.url(path),
        interval,
        true,
        SourceDefinition.defaultMinInterval(interval),
        SourceDefinition.defaultMaxInterval(interval),
        options);
  }

  private SourceDefinition edgar(String forms) {
    return source(
        "edgar", "/edgar", Map.of("cik", "0009990001", "forms", forms, "user-agent", AGENT));
  }

  private PollResult.Fetched fetched(SourceDefinition source) {
    PollResult result = poller.poll(source);
    assertThat(result).isInstanceOf(PollResult.Fetched.class);
    return (PollResult.Fetched) result;
  }

  @Test
  void pollsEdgarWithTheConfiguredUserAgentAndKeepsTheWantedForms() {
    routes.route(
        "/edgar",
        CannedRoutes.ok("application/atom+xml", fixture("edgar/company-filings.xml"), Map.of()));

    PollResult.Fetched fetched = fetched(edgar("8-K,D"));

    assertThat(routes.requests("/edgar"))
        .singleElement()
        .satisfies(r -> assertThat(r.getHeaders().get("User-Agent")).isEqualTo(AGENT));
    assertThat(fetched.items())
        .extracting(FeedItem::getTitle)
        .containsExactly(
            "8-K \u2014 Frontier Models Inc. (2025-01-30)",
            "D/A \u2014 Frontier Models Inc. (2025-01-15)");
    assertThat(fetched.items().get(0).getSourceType()).isEqualTo("edgar");
    assertThat(fetched.items().get(0).getAttributes())
        .containsEntry("accession", "0009990001-25-000012")
        .containsEntry("form", "8-K");
  }

  @Test
  void reportsAnEdgarPageThatIsNotAFeedAsAParseFailure() {
    routes.route("/edgar", CannedRoutes.ok("text/html", fixture("edgar/not-found.html"), Map.of()));

    PollResult result = poller.poll(edgar("8-K"));

    assertThat(result)
        .isInstanceOfSatisfying(
            PollResult.Failed.class,
            failed -> {
              assertThat(failed.stage()).isEqualTo("ingest.feed");
              assertThat(failed.kind()).isEqualTo("PARSE");
              assertThat(failed.reason()).contains("DOCTYPE");
              assertThat(failed.retriable()).isFalse();
            });
  }

  @Test
  void pollsFederalRegisterDocuments() {
    routes.route(
        "/fr",
        CannedRoutes.ok("application/json", fixture("federal-register/documents.json"), Map.of()));
    SourceDefinition source =
        source(
            "federal-register",
            "/fr",
            Map.of("list", "documents", "agency", "industry-and-security-bureau"));

    PollResult.Fetched fetched = fetched(source);

    assertThat(fetched.items())
        .extracting(FeedItem::getGuid)
        .containsExactly("2025-00901", "2025-00777");
    assertThat(fetched.items().get(0).getAttributes())
        .containsEntry("document-type", "Rule")
        .containsEntry("effective-date", "2025-05-15");
  }

  @Test
  void pollsThePublicInspectionListForTheAgency() {
    routes.route(
        "/pi",
        CannedRoutes.ok(
            "application/json", fixture("federal-register/public-inspection.json"), Map.of()));
    SourceDefinition source =
        source(
            "federal-register",
            "/pi",
            Map.of("list", "public-inspection", "agency", "industry-and-security-bureau"));

    PollResult.Fetched fetched = fetched(source);

    assertThat(fetched.items())
        .extracting(FeedItem::getGuid)
        .containsExactly("2025-01234", "2025-01240");
    assertThat(fetched.items())
        .allSatisfy(i -> assertThat(i.getAttributes()).containsEntry("list", "public-inspection"));
  }

  @Test
  void reportsInvalidJsonAsAParseFailure() {
    routes.route("/fr", CannedRoutes.ok("application/json", "{oops".getBytes(), Map.of()));
    SourceDefinition source =
        source(
            "federal-register",
            "/fr",
            Map.of("list", "documents", "agency", "industry-and-security-bureau"));

    PollResult.Failed failed = (PollResult.Failed) poller.poll(source);

    assertThat(failed.kind()).isEqualTo("PARSE");
    assertThat(failed.reason()).startsWith("The document is not valid JSON");
  }

  @Test
  void pollsAnHtmlListingResolvingLinksAgainstThePage() {
    routes.route(
        "/newsroom/",
        CannedRoutes.ok("text/html; charset=utf-8", fixture("html/listing.html"), Map.of()));
    SourceDefinition source =
        source(
            "html",
            "/newsroom/",
            Map.of(
                "selector.item",
                "article.post",
                "selector.link",
                "a.title",
                "selector.date",
                "time"));

    PollResult.Fetched fetched = fetched(source);

    assertThat(fetched.items())
        .extracting(FeedItem::getUrl)
        .containsExactly(
            routes.url("/news/frontier-raises-series-c").toString(),
            "https://partner.example/announce?id=7&ref=frontier",
            routes.url("/newsroom/news/relative-to-the-page").toString());
  }

  @Test
  void reportsAnHtmlSelectorThatJsoupCannotParseAsAParseFailure() {
    routes.route("/page", CannedRoutes.ok("text/html", "<p>hi</p>".getBytes(), Map.of()));
    SourceDefinition source =
        source("html", "/page", Map.of("selector.item", "p..x", "selector.link", "a"));

    PollResult.Failed failed = (PollResult.Failed) poller.poll(source);

    assertThat(failed.kind()).isEqualTo("PARSE");
    assertThat(failed.reason()).contains("is not valid CSS");
  }
}
