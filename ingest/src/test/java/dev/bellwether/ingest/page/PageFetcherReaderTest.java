package dev.bellwether.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.ingest.http.CannedRoutes;
import dev.bellwether.ingest.http.HostResolver;
import dev.bellwether.ingest.http.HttpSettings;
import dev.bellwether.ingest.http.PolitenessSettings;
import dev.bellwether.ingest.http.SafeHttpClient;
import dev.bellwether.schemas.avro.FeedItem;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One item's page against a loopback server: what is read, and why the feed summary stands in. */
class PageFetcherReaderTest {
  private final MockWebServer server = new MockWebServer();
  private final CannedRoutes routes = CannedRoutes.serve(server);
  private final Clock clock = Clock.systemUTC();

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void readsTheArticleOfAnHtmlPage() {
    routes.route("/a", html(PageFixtures.fixture("article-utf8.html")));

    PageOutcome outcome = reader(PolitenessSettings.defaults()).read(itemAt("/a"), later());

    assertThat(outcome).isInstanceOf(PageOutcome.Page.class);
    PageOutcome.Page page = (PageOutcome.Page) outcome;
    assertThat(page.article().text()).contains("Series F round led by Iconiq Capital");
    assertThat(page.bytes()).isEqualTo(PageFixtures.fixture("article-utf8.html").length);
  }

  @Test
  void identifiesToSecWithTheConfiguredContactAndToOthersByDefault() {
    String contact = "Example Research ops@example.com";

    assertThat(
            PageReader.userAgentFor(
                java.net.URI.create("https://www.sec.gov/Archives/edgar/data/1/x-index.htm"),
                contact))
        .isEqualTo(contact);
    assertThat(PageReader.userAgentFor(java.net.URI.create("https://sec.gov/x"), contact))
        .isEqualTo(contact);
    assertThat(
            PageReader.userAgentFor(java.net.URI.create("https://notsec.gov.example/x"), contact))
        .isNull();
    assertThat(PageReader.userAgentFor(java.net.URI.create("https://techwire.example/a"), contact))
        .isNull();
  }

  @Test
  void fallsBackWithTheStatusOfAnErrorAnswer() {
    routes.route("/gone", CannedRoutes.status(410, Map.of()));

    assertThat(reasonOf(reader(PolitenessSettings.defaults()).read(itemAt("/gone"), later())))
        .isEqualTo("HTTP 410");
  }

  @Test
  void doesNotFetchAPageRobotsTxtDisallows() {
    routes.route("/robots.txt", text("User-agent: *\nDisallow: /private/\n"));
    routes.route("/private/a", html(PageFixtures.fixture("article-utf8.html")));

    PageOutcome outcome = reader(PolitenessSettings.defaults()).read(itemAt("/private/a"), later());

    assertThat(reasonOf(outcome)).isEqualTo("robots.txt disallows the page");
    assertThat(routes.requests("/private/a")).isEmpty();
  }

  @Test
  void fallsBackForAPageThatIsNotAnArticle() {
    routes.route("/list", html(PageFixtures.fixture("listing.html")));

    assertThat(reasonOf(reader(PolitenessSettings.defaults()).read(itemAt("/list"), later())))
        .isEqualTo("not an article page");
  }

  @Test
  void fallsBackForAnswersThatAreNotHtml() {
    routes.route(
        "/report.pdf", CannedRoutes.ok("application/pdf", new byte[] {'%', 'P'}, Map.of()));

    assertThat(reasonOf(reader(PolitenessSettings.defaults()).read(itemAt("/report.pdf"), later())))
        .isEqualTo("not an HTML page (application/pdf)");
  }

  @Test
  void givesUpOnAHostWhoseNextTurnComesTooLate() {
    routes.route("/a", html(PageFixtures.fixture("article-utf8.html")));
    routes.route("/b", html(PageFixtures.fixture("article-utf8.html")));
    PageReader reader = reader(PolitenessSettings.defaults()); // one request per second per host
    Instant deadline = clock.instant().plus(timeout()).plusMillis(200);

    PageOutcome first = reader.read(itemAt("/a"), deadline);
    PageOutcome second = reader.read(itemAt("/b"), deadline);

    assertThat(first).isInstanceOf(PageOutcome.Page.class);
    assertThat(((PageOutcome.Fallback) second).reason().cause())
        .isEqualTo(FallbackReason.Cause.HOST_BUSY);
    assertThat(routes.requests("/b")).isEmpty();
  }

  @Test
  void fallsBackForALinkThatIsNotHttp() {
    FeedItem item = PageFetcherFallbackTest.item();
    item.setUrl("mailto:tips@techwire.example");

    assertThat(reasonOf(reader(PolitenessSettings.defaults()).read(item, later())))
        .isEqualTo("the item has no http or https link");
  }

  @Test
  void fallsBackForAHostThatDoesNotResolve() {
    FeedItem item = PageFetcherFallbackTest.item();
    item.setUrl("https://nowhere.invalid/a");
    HostResolver noAnswer =
        host -> {
          throw new UnknownHostException(host);
        };
    PageReader reader =
        new PageReader(
            new SafeHttpClient(HttpSettings.defaults()),
            PolitenessSettings.defaults(),
            noAnswer,
            clock,
            true);

    assertThat(reasonOf(reader.read(item, later())))
        .isEqualTo("cannot resolve host nowhere.invalid");
  }

  private PageReader reader(PolitenessSettings politeness) {
    HttpSettings http = HttpSettings.defaults().withRequestTimeout(timeout());
    return new PageReader(new SafeHttpClient(http), politeness, HostResolver.SYSTEM, clock, true);
  }

  private static Duration timeout() {
    return Duration.ofSeconds(5);
  }

  private Instant later() {
    return clock.instant().plusSeconds(60);
  }

  private FeedItem itemAt(String path) {
    FeedItem item = PageFetcherFallbackTest.item();
    item.setUrl(routes.url(path).toString());
    return item;
  }

  private static String reasonOf(PageOutcome outcome) {
    assertThat(outcome).isInstanceOf(PageOutcome.Fallback.class);
    return ((PageOutcome.Fallback) outcome).reason().sentence();
  }

  private static MockResponse html(byte[] body) {
    return CannedRoutes.ok("text/html; charset=utf-8", body, Map.of());
  }

  private static MockResponse text(String body) {
    return CannedRoutes.ok("text/plain", body.getBytes(StandardCharsets.UTF_8), Map.of());
  }
}
