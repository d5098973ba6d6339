package dev.bellwether.ingest.http;

import static dev.bellwether.ingest.http.CannedRoutes.ok;
import static dev.bellwether.ingest.http.CannedRoutes.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bellwether.ingest.http.FetchException.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeHttpClientTest {
  private static final byte[] FEED = "<rss version=\"2.0\"/>".getBytes(StandardCharsets.UTF_8);
  private static final int LIMIT = 64 * 1024;

  private final MockWebServer server = new MockWebServer();
  private final CannedRoutes routes = CannedRoutes.serve(server);
  private final SafeHttpClient client =
      new SafeHttpClient(
          HttpSettings.defaults()
              .withMaxBodyBytes(LIMIT)
              .withRequestTimeout(Duration.ofSeconds(5)));

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void returnsBodyContentTypeAndValidators() {
    routes.route(
        "/feed",
        ok(
            "application/rss+xml",
            FEED,
            Map.of("ETag", "\"v1\"", "Last-Modified", "Tue, 03 Jun 2025 14:30:00 GMT")));

    HttpResponseData response =
        (HttpResponseData) client.fetch(routes.url("/feed"), Validators.none(), true);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(FEED);
    assertThat(response.contentType()).isEqualTo("application/rss+xml");
    assertThat(response.validators())
        .isEqualTo(new Validators("\"v1\"", "Tue, 03 Jun 2025 14:30:00 GMT"));
    assertThat(response.finalUrl()).isEqualTo(routes.url("/feed"));
  }

  @Test
  void sendsUserAgentAndAcceptEncoding() {
    routes.route("/feed", ok("text/xml", FEED, Map.of()));

    client.fetch(routes.url("/feed"), Validators.none(), true);

    RecordedRequest request = routes.requests().get(0);
    assertThat(request.getHeaders().get("User-Agent"))
        .isEqualTo("Bellwether/0.1 (+https://github.com/bellwether-ai/bellwether)");
    assertThat(request.getHeaders().get("Accept-Encoding")).isEqualTo("gzip, deflate");
    assertThat(request.getHeaders().get("If-None-Match")).isNull();
  }

  @Test
  void sendsIfNoneMatchAndHandles304() {
    routes.route(
        "/feed",
        CannedRoutes.conditional(
            "\"v1\"", new MockResponse.Builder().body(CannedRoutes.bytes(FEED)).build()));

    FetchResult first = client.fetch(routes.url("/feed"), Validators.none(), true);
    FetchResult second = client.fetch(routes.url("/feed"), first.validators(), true);

    assertThat(first).isInstanceOf(HttpResponseData.class);
    assertThat(second).isInstanceOf(FetchResult.NotModified.class);
    assertThat(second.validators()).isEqualTo(new Validators("\"v1\"", null));
    assertThat(routes.requests().get(1).getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
  }

  @Test
  void sendsIfModifiedSince() {
    routes.route("/feed", status(304, Map.of()));
    String date = "Tue, 03 Jun 2025 14:30:00 GMT";

    FetchResult result = client.fetch(routes.url("/feed"), new Validators(null, date), true);

    assertThat(result).isInstanceOf(FetchResult.NotModified.class);
    assertThat(routes.requests().get(0).getHeaders().get("If-Modified-Since")).isEqualTo(date);
  }

  @Test
  void followsRedirectsUpToTheLimit() {
    for (int i = 1; i <= 5; i++) {
      routes.route(
          "/hop" + i, status(i % 2 == 0 ? 301 : 307, Map.of("Location", "/hop" + (i + 1))));
    }
    routes.route("/hop6", ok("text/xml", FEED, Map.of()));

    HttpResponseData response =
        (HttpResponseData) client.fetch(routes.url("/hop1"), Validators.none(), true);

    assertThat(response.body()).isEqualTo(FEED);
    assertThat(response.finalUrl()).isEqualTo(routes.url("/hop6"));
  }

  @Test
  void refusesTheSixthRedirect() {
    routes.route("/loop", status(302, Map.of("Location", "/loop")));

    FetchException e =
        catchThrowableOfType(
            FetchException.class, () -> client.fetch(routes.url("/loop"), Validators.none(), true));

    assertThat(e.kind()).isEqualTo(Kind.TOO_MANY_REDIRECTS);
    assertThat(e.retriable()).isFalse();
    assertThat(routes.requests("/loop")).hasSize(6);
  }

  @Test
  void refusesLoopbackUnlessAllowed() {
    routes.route("/feed", ok("text/xml", FEED, Map.of()));

    FetchException e =
        catchThrowableOfType(
            FetchException.class,
            () -> client.fetch(routes.url("/feed"), Validators.none(), false));

    assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
    assertThat(e).hasMessageContaining("127.0.0.1");
    assertThat(routes.requests()).isEmpty();
    assertThat(client.fetch(routes.url("/feed"), Validators.none(), true))
        .isInstanceOf(HttpResponseData.class);
  }

  @Test
  void refusesNamesThatResolveToPrivateAddresses() {
    HostResolver intranet =
        host -> List.of(InetAddress.getByAddress(host, new byte[] {10, 1, 2, 3}));
    SafeHttpClient guarded = new SafeHttpClient(HttpSettings.defaults(), intranet);

    assertThatThrownBy(
            () ->
                guarded.fetch(
                    URI.create("https://wiki.intranet.test/feed"), Validators.none(), false))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS));
  }

  @Test
  void rechecksTheAddressOfEveryRedirectHop() {
    // 127.0.0.1 is passed off as public so the first hop goes through; the redirect to localhost
    // must be checked again and refused.
    HostResolver lying =
        host ->
            host.equals("127.0.0.1")
                ? List.of(InetAddress.getByAddress(host, new byte[] {(byte) 192, 88, 99, 10}))
                : HostResolver.SYSTEM.resolve(host);
    SafeHttpClient guarded = new SafeHttpClient(HttpSettings.defaults(), lying);
    routes.route(
        "/start",
        status(302, Map.of("Location", "http://localhost:" + server.getPort() + "/feed")));
    routes.route("/feed", ok("text/xml", FEED, Map.of()));

    FetchException e =
        catchThrowableOfType(
            FetchException.class,
            () -> guarded.fetch(routes.url("/start"), Validators.none(), false));

    assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
    assertThat(routes.requests("/start")).hasSize(1);
    assertThat(routes.requests("/feed")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "http://169.254.169.254/latest/meta-data/",
        "http://metadata.cloud.test/latest/meta-data/",
        "http://[fd00:ec2::254]/latest/meta-data/",
        "http://ipv6-metadata.cloud.test/latest/meta-data/",
        "http://localhost:1/feed",
        "http://rebound.news.test/feed"
      })
  void refusesARedirectToMetadataOrLoopbackAddresses(String target) {
    // The loopback server stands in for a public host (its address is passed off as public); the
    // names below resolve, through the same fake resolver, to the addresses an attacker wants.
    HostResolver resolver =
        host ->
            switch (host) {
              case "127.0.0.1" ->
                  List.of(InetAddress.getByAddress(host, new byte[] {(byte) 192, 88, 99, 7}));
              case "metadata.cloud.test" -> List.of(InetAddress.getByName("169.254.169.254"));
              case "ipv6-metadata.cloud.test" -> List.of(InetAddress.getByName("fd00:ec2::254"));
              case "rebound.news.test" -> List.of(InetAddress.getByName("127.0.0.1"));
              default -> HostResolver.SYSTEM.resolve(host);
            };
    SafeHttpClient guarded = new SafeHttpClient(HttpSettings.defaults(), resolver);
    routes.route("/start", status(302, Map.of("Location", target)));

    FetchException e =
        catchThrowableOfType(
            FetchException.class,
            () -> guarded.fetch(routes.url("/start"), Validators.none(), false));

    assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
    assertThat(e.kind().isRefusal()).isTrue();
    assertThat(e.url().toString()).isEqualTo(target);
  }

  @Test
  void reportsRetryAfterOfA429Or503() {
    routes.route("/limited", status(429, Map.of("Retry-After", "120")));
    routes.route("/down", status(503, Map.of("Retry-After", "Thu, 05 Jun 2025 13:30:00 GMT")));

    FetchException limited =
        catchThrowableOfType(
            FetchException.class,
            () -> client.fetch(routes.url("/limited"), Validators.none(), true));
    FetchException down =
        catchThrowableOfType(
            FetchException.class, () -> client.fetch(routes.url("/down"), Validators.none(), true));

    assertThat(limited.retryAfter()).isEqualTo("120");
    assertThat(limited.retriable()).isTrue();
    assertThat(down.retryAfter()).isEqualTo("Thu, 05 Jun 2025 13:30:00 GMT");
  }

  @Test
  void appliesASmallerBodyLimitWhenAsked() {
    routes.route("/robots.txt", ok("text/plain", new byte[2048], Map.of()));

    assertThat(
            kindOf(
                () -> client.fetch(routes.url("/robots.txt"), Validators.none(), true, null, 1024)))
        .isEqualTo(Kind.TOO_LARGE);
  }

  @Test
  void refusesNonHttpSchemesIncludingOnRedirect() {
    routes.route("/to-file", status(302, Map.of("Location", "file:///etc/passwd")));

    assertThat(
            kindOf(() -> client.fetch(URI.create("file:///etc/passwd"), Validators.none(), true)))
        .isEqualTo(Kind.BAD_SCHEME);
    assertThat(kindOf(() -> client.fetch(routes.url("/to-file"), Validators.none(), true)))
        .isEqualTo(Kind.BAD_SCHEME);
  }

  @Test
  void cutsOffABodyOverTheLimitWhileStreaming() {
    routes.route(
        "/endless",
        new MockResponse.Builder().body(new EndlessBody()).build()); // no length declared

    long start = System.nanoTime();
    FetchException e =
        catchThrowableOfType(
            FetchException.class,
            () -> client.fetch(routes.url("/endless"), Validators.none(), true));

    assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(Duration.ofSeconds(15)); // a bound, not a speed target
  }

  @Test
  void refusesADeclaredLengthOverTheLimit() {
    routes.route("/big", ok("text/xml", new byte[LIMIT + 1], Map.of()));

    assertThat(kindOf(() -> client.fetch(routes.url("/big"), Validators.none(), true)))
        .isEqualTo(Kind.TOO_LARGE);
  }

  @Test
  void decodesGzipAndDeflateBodies() throws IOException {
    routes.route("/gzip", ok("text/xml", gzip(FEED), Map.of("Content-Encoding", "gzip")));
    routes.route("/deflate", ok("text/xml", deflate(FEED), Map.of("Content-Encoding", "deflate")));

    assertThat(
            ((HttpResponseData) client.fetch(routes.url("/gzip"), Validators.none(), true)).body())
        .isEqualTo(FEED);
    assertThat(
            ((HttpResponseData) client.fetch(routes.url("/deflate"), Validators.none(), true))
                .body())
        .isEqualTo(FEED);
  }

  @Test
  void refusesAGzipBomb() throws IOException {
    byte[] bomb = gzip(new byte[50 * 1024 * 1024]); // 50 MiB of zeros in about 50 KiB
    assertThat(bomb.length).isLessThan(LIMIT);
    routes.route("/bomb", ok("text/xml", bomb, Map.of("Content-Encoding", "gzip")));

    FetchException e =
        catchThrowableOfType(
            FetchException.class, () -> client.fetch(routes.url("/bomb"), Validators.none(), true));

    assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
    assertThat(e).hasMessageContaining("decompressed");
  }

  @Test
  void timesOutASlowServer() {
    routes.route(
        "/slow",
        new MockResponse.Builder()
            .body("<".repeat(100))
            .throttleBody(1, 100, TimeUnit.MILLISECONDS) // a trickle that outlasts the deadline
            .build());
    SafeHttpClient impatient =
        new SafeHttpClient(HttpSettings.defaults().withRequestTimeout(Duration.ofSeconds(1)));

    long start = System.nanoTime();
    FetchException e =
        catchThrowableOfType(
            FetchException.class,
            () -> impatient.fetch(routes.url("/slow"), Validators.none(), true));

    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(e.retriable()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(Duration.ofSeconds(8)); // well under the 10 s trickle
  }

  @Test
  void reportsErrorStatusesWithWhetherToRetry() {
    routes.route("/down", new MockResponse.Builder().code(503).body("try later").build());
    routes.route("/gone", status(404, Map.of()));

    FetchException down =
        catchThrowableOfType(
            FetchException.class, () -> client.fetch(routes.url("/down"), Validators.none(), true));
    FetchException gone =
        catchThrowableOfType(
            FetchException.class, () -> client.fetch(routes.url("/gone"), Validators.none(), true));

    assertThat(down.kind()).isEqualTo(Kind.HTTP_STATUS);
    assertThat(down.status()).isEqualTo(503);
    assertThat(down.retriable()).isTrue();
    assertThat(down.body()).isEqualTo("try later".getBytes());
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.retriable()).isFalse();
  }

  @Test
  void reportsUnreachableHostsAsRetriableIo() throws IOException {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    FetchException e =
        catchThrowableOfType(
            FetchException.class,
            () ->
                client.fetch(
                    URI.create("http://127.0.0.1:" + closedPort + "/"), Validators.none(), true));

    assertThat(e.kind()).isEqualTo(Kind.IO);
    assertThat(e.retriable()).isTrue();
  }

  @Test
  void redactsQueriesAndUserInfoFromUrlsForLogs() {
    assertThat(RedactedUrl.of(URI.create("https://user:pw@feeds.example:8443/a/b?token=s3cret")))
        .isEqualTo("https://feeds.example:8443/a/b?\u2026");
    assertThat(RedactedUrl.of(URI.create("https://feeds.example/rss")))
        .isEqualTo("https://feeds.example/rss");
  }

  private static Kind kindOf(Runnable fetch) {
    return catchThrowableOfType(FetchException.class, fetch::run).kind();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
      z.write(data);
    }
    return Arrays.copyOf(out.toByteArray(), out.size());
  }

  /** A body of unknown length: 800 MB unless the client stops reading. */
  private static final class EndlessBody implements MockResponseBody {
    @Override
    public long getContentLength() {
      return -1;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      byte[] chunk = new byte[8192];
      for (int i = 0; i < 100_000; i++) {
        sink.write(chunk);
      }
    }
  }
}
