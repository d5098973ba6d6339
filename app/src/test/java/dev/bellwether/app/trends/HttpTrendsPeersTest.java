package dev.bellwether.app.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bellwether.app.CannedWeb;
import dev.bellwether.dashboard.trends.TrendsRoute;
import dev.bellwether.processors.trends.Trends;
import dev.bellwether.processors.trends.TrendsRequest;
import dev.bellwether.processors.trends.TrendsUnavailable;
import dev.bellwether.schemas.TrendSeries;
import dev.bellwether.schemas.avro.EventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Asking a peer over HTTP, against a loopback server with canned answers. */
class HttpTrendsPeersTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  private final AtomicReference<String> asked = new AtomicReference<>();
  private volatile int status = 200;
  private volatile byte[] body = new byte[0];
  private MockWebServer server;
  private HostInfo peer;

  @BeforeEach
  void startPeer() {
    server =
        CannedWeb.serve(
            request -> {
              asked.set(request.getPath());
              return CannedWeb.path(request).startsWith(TrendsRoute.PATH)
                  ? new MockResponse().setResponseCode(status).setBody(new Buffer().write(body))
                  : CannedWeb.status(404);
            });
    peer = new HostInfo("127.0.0.1", server.getPort());
  }

  @AfterEach
  void stopPeer() throws IOException {
    server.close();
  }

  @Test
  void asksForThePeersOwnKeysAndReadsItsSeries() {
    answer(
        200,
        "{\"window\":\"day\",\"series\":[{\"company\":\"OpenAI\",\"type\":\"FUNDING\","
            + "\"points\":[{\"start\":\"2026-11-28T00:00:00Z\",\"count\":3}]}]}");

    List<TrendSeries> series = new HttpTrendsPeers().fetch(peer, request());

    assertThat(series)
        .containsExactly(
            new TrendSeries(
                "OpenAI",
                EventType.FUNDING,
                List.of(new TrendSeries.Point(Instant.parse("2026-11-28T00:00:00Z"), 3))));
    assertThat(asked.get())
        .isEqualTo(
            "/api/trends?company=Mistral+AI&type=FUNDING&window=day"
                + "&from=2026-11-22T12:00:00Z&to=2026-11-29T12:00:00Z&local=true");
  }

  @Test
  void theDashboardAsksTheProcessorsForEveryKeyNotJustTheirOwn() {
    answer(
        200,
        "{\"window\":\"day\",\"series\":[{\"company\":\"OpenAI\",\"type\":\"FUNDING\","
            + "\"points\":[{\"start\":\"2026-11-28T00:00:00Z\",\"count\":3}]}]}");
    RemoteTrends remote =
        new RemoteTrends(java.net.URI.create("http://127.0.0.1:" + peer.port() + "/"));

    Trends trends = remote.query(request());

    assertThat(trends.series()).hasSize(1);
    assertThat(trends.from()).isEqualTo(request().from());
    assertThat(asked.get()).doesNotContain("local=").startsWith("/api/trends?company=Mistral+AI");
    assertThat(remote.queryLocal(request())).isEqualTo(trends);
    assertThatThrownBy(() -> new RemoteTrends(java.net.URI.create("file:///etc/passwd")))
        .hasMessageContaining("must be an http(s) URL");
  }

  @Test
  void aPeerThatIsRebalancingMakesTheAnswerUnavailable() {
    answer(503, "{\"error\":\"Kafka Streams is REBALANCING, not RUNNING\"}");

    assertThatThrownBy(() -> new HttpTrendsPeers().fetch(peer, request()))
        .isInstanceOf(TrendsUnavailable.class)
        .hasMessageContaining("answered 503")
        .hasMessageContaining("REBALANCING");
  }

  @Test
  void refusesAnAnswerOverTheSizeLimit() {
    body = new byte[HttpTrendsPeers.MAX_BODY_BYTES + 1];

    assertThatThrownBy(() -> new HttpTrendsPeers().fetch(peer, request()))
        .isInstanceOf(TrendsUnavailable.class)
        .hasMessageContaining("larger than");
  }

  @Test
  void aPeerThatIsGoneMakesTheAnswerUnavailable() throws IOException {
    server.close();

    assertThatThrownBy(() -> new HttpTrendsPeers().fetch(peer, request()))
        .isInstanceOf(TrendsUnavailable.class)
        .hasMessageContaining("did not answer");
  }

  @Test
  void refusesSomethingThatIsNotATrendsAnswer() {
    answer(200, "<html>proxy error</html>");

    assertThatThrownBy(() -> new HttpTrendsPeers().fetch(peer, request()))
        .isInstanceOf(TrendsUnavailable.class)
        .hasMessageContaining("not a trends answer");
  }

  private void answer(int code, String json) {
    status = code;
    body = json.getBytes(StandardCharsets.UTF_8);
  }

  private static TrendsRequest request() {
    return TrendsRequest.parse(Map.of("company", "Mistral AI", "type", "funding"), NOW);
  }
}
