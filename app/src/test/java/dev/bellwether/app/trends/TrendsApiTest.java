package dev.bellwether.app.trends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.app.ops.OpsServer;
import dev.bellwether.app.ops.Readiness;
import dev.bellwether.dashboard.trends.TrendsRoute;
import dev.bellwether.processors.trends.Trends;
import dev.bellwether.processors.trends.TrendsAnswers;
import dev.bellwether.processors.trends.TrendsRequest;
import dev.bellwether.processors.trends.TrendsUnavailable;
import dev.bellwether.schemas.TrendSeries;
import dev.bellwether.schemas.avro.EventType;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/trends} on a real ops server on loopback: the dashboard's route, the processors'
 * request parsing through {@link ProcessorsTrends}, answered by canned counts.
 */
class TrendsApiTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final CannedAnswers canned = new CannedAnswers();
  private final AtomicReference<@Nullable TrendsAnswers> answers = new AtomicReference<>(canned);
  private OpsServer server;

  @BeforeEach
  void startServer() {
    server =
        OpsServer.start(
            "127.0.0.1",
            0,
            new Readiness(),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            List.of(
                TrendsRoute.serving(
                    ProcessorsTrends.of(answers::get, Clock.fixed(NOW, ZoneOffset.UTC)))));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void answersWithTheSeriesAsJson() throws Exception {
    HttpResponse<String> response =
        get("/api/trends?company=OpenAI&type=funding&window=day&from=2026-11-27T00:00:00Z");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(response.body())
        .isEqualTo(
            "{\"window\":\"day\",\"from\":\"2026-11-27T00:00:00Z\",\"to\":\"2026-11-29T12:00:00Z\","
                + "\"series\":[{\"company\":\"OpenAI\",\"type\":\"FUNDING\",\"points\":"
                + "[{\"start\":\"2026-11-28T00:00:00Z\",\"count\":3}]}]}");
    assertThat(canned.asked)
        .containsExactly(
            new TrendsRequest(
                "OpenAI",
                EventType.FUNDING,
                dev.bellwether.processors.trends.TrendWindow.DAY,
                Instant.parse("2026-11-27T00:00:00Z"),
                NOW));
  }

  @Test
  void looksBackSevenDaysForDaysAndFortyEightHoursForHoursByDefault() throws Exception {
    get("/api/trends");
    get("/api/trends?window=hour");

    assertThat(canned.asked)
        .extracting(TrendsRequest::from)
        .containsExactly(NOW.minus(Duration.ofDays(7)), NOW.minus(Duration.ofHours(48)));
    assertThat(canned.asked).extracting(TrendsRequest::to).containsOnly(NOW);
  }

  @Test
  void localAnswersFromThisInstancesStoresOnly() throws Exception {
    assertThat(get("/api/trends?local=true").statusCode()).isEqualTo(200);

    assertThat(canned.askedLocally).hasSize(1);
    assertThat(canned.asked).isEmpty();
  }

  @Test
  void refusesAnUnknownTypeNamingTheKnownOnes() throws Exception {
    HttpResponse<String> response = get("/api/trends?type=MERGER");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"error\":\"unknown type 'MERGER'; use one of [FUNDING, EXPORT_CONTROL,"
                + " PARTNERSHIP, ACQUISITION, IPO]\"}");
  }

  @Test
  void refusesABadWindowTimeRangeOrParameter() throws Exception {
    assertThat(error("/api/trends?window=week"))
        .isEqualTo("window must be hour or day, not 'week'");
    assertThat(error("/api/trends?from=yesterday"))
        .isEqualTo(
            "from must be an ISO-8601 instant such as 2026-11-28T00:00:00Z, not 'yesterday'");
    assertThat(error("/api/trends?to=2026-11-29")).startsWith("to must be an ISO-8601 instant");
    assertThat(error("/api/trends?from=2026-11-29T00:00:00Z&to=2026-11-28T00:00:00Z"))
        .isEqualTo("from (2026-11-29T00:00:00Z) must be before to (2026-11-28T00:00:00Z)");
    assertThat(error("/api/trends?from=2026-01-01T00:00:00Z"))
        .isEqualTo("from and to may be at most 31 days apart");
    assertThat(error("/api/trends?windw=hour"))
        .isEqualTo("unknown parameter windw; use [company, from, local, to, type, window]");
    assertThat(error("/api/trends?local=yes")).isEqualTo("local must be true or false, not 'yes'");
    assertThat(error("/api/trends?type=UNKNOWN")).startsWith("unknown type 'UNKNOWN'");
    assertThat(canned.asked).isEmpty();
  }

  @Test
  void isUnavailableWhileTheProcessorsStartOrRebalance() throws Exception {
    answers.set(null);
    HttpResponse<String> starting = get("/api/trends");
    assertThat(starting.statusCode()).isEqualTo(503);
    assertThat(starting.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(starting.body()).contains("the processors are starting");

    answers.set(canned);
    canned.unavailable = "Kafka Streams is REBALANCING, not RUNNING; try again shortly";
    HttpResponse<String> rebalancing = get("/api/trends");
    assertThat(rebalancing.statusCode()).isEqualTo(503);
    assertThat(rebalancing.body())
        .isEqualTo("{\"error\":\"Kafka Streams is REBALANCING, not RUNNING; try again shortly\"}");
  }

  private String error(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(400);
    String body = response.body();
    assertThat(body).startsWith("{\"error\":\"").endsWith("\"}");
    return body.substring("{\"error\":\"".length(), body.length() - 2);
  }

  private HttpResponse<String> get(String path) throws Exception {
    URI uri = server.url().resolve(path);
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static final class CannedAnswers implements TrendsAnswers {
    final List<TrendsRequest> asked = new ArrayList<>();
    final List<TrendsRequest> askedLocally = new ArrayList<>();
    @Nullable String unavailable;

    @Override
    public Trends query(TrendsRequest request) {
      asked.add(request);
      return answer(request);
    }

    @Override
    public Trends queryLocal(TrendsRequest request) {
      askedLocally.add(request);
      return answer(request);
    }

    private Trends answer(TrendsRequest request) {
      if (unavailable != null) {
        throw new TrendsUnavailable(unavailable);
      }
      return new Trends(
          request.window(),
          request.from(),
          request.to(),
          List.of(
              new TrendSeries(
                  "OpenAI",
                  EventType.FUNDING,
                  List.of(new TrendSeries.Point(Instant.parse("2026-11-28T00:00:00Z"), 3)))));
    }
  }
}
