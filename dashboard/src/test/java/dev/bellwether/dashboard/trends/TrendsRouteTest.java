package dev.bellwether.dashboard.trends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.dashboard.LoopbackServer;
import dev.bellwether.schemas.TrendSeries;
import dev.bellwether.schemas.avro.EventType;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/trends} on a real server on loopback, answered by canned counts. */
class TrendsRouteTest {
  private static final Instant FROM = Instant.parse("2026-11-27T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-29T00:00:00Z");

  private final HttpClient http = HttpClient.newHttpClient();
  private final CannedCounts canned = new CannedCounts();
  private Javalin server;

  @BeforeEach
  void start() {
    server = LoopbackServer.start(TrendsRoute.serving(canned));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void answersTheSourcesCountsAsJson() throws Exception {
    HttpResponse<String> response = get("/api/trends?company=OpenAI&window=day");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    assertThat(response.body())
        .isEqualTo(
            "{\"window\":\"day\",\"from\":\"2026-11-27T00:00:00Z\",\"to\":\"2026-11-29T00:00:00Z\","
                + "\"series\":[{\"company\":\"OpenAI\",\"type\":\"FUNDING\",\"points\":"
                + "[{\"start\":\"2026-11-28T00:00:00Z\",\"count\":3}]}]}");
    assertThat(canned.asked).containsExactly("OpenAI day local=false");
    assertThat(TrendsJson.readSeries(response.body()))
        .isEqualTo(canned.counts("OpenAI", "day").series());
  }

  @Test
  void localIsPassedOnAndAnythingElseIsRefusedBeforeAsking() throws Exception {
    assertThat(get("/api/trends?local=true").statusCode()).isEqualTo(200);
    assertThat(canned.asked).containsExactly("null null local=true");

    assertThat(get("/api/trends?local=yes").body())
        .isEqualTo("{\"error\":\"local must be true or false, not 'yes'\"}");
    HttpResponse<String> unknown = get("/api/trends?windw=hour");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body())
        .isEqualTo(
            "{\"error\":\"unknown parameter windw; use [company, from, local, to, type, window]\"}");
    assertThat(canned.asked).hasSize(1);
  }

  @Test
  void aParameterTheSourceCannotUseIs400AndAnAnswerItCannotGiveNowIs503() throws Exception {
    canned.invalid = "window must be hour or day, not 'week'";
    HttpResponse<String> invalid = get("/api/trends?window=week");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).isEqualTo("{\"error\":\"window must be hour or day, not 'week'\"}");

    canned.invalid = null;
    canned.unavailable = "the processors are starting; try again shortly";
    HttpResponse<String> starting = get("/api/trends");
    assertThat(starting.statusCode()).isEqualTo(503);
    assertThat(starting.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(starting.body())
        .isEqualTo("{\"error\":\"the processors are starting; try again shortly\"}");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static final class CannedCounts implements TrendsSource {
    final List<String> asked = new CopyOnWriteArrayList<>();
    volatile @Nullable String invalid;
    volatile @Nullable String unavailable;

    @Override
    public TrendCounts counts(Function<String, @Nullable String> parameters, boolean local) {
      if (invalid != null) {
        throw new Invalid(invalid);
      }
      if (unavailable != null) {
        throw new Unavailable(unavailable);
      }
      String company = parameters.apply("company");
      String window = parameters.apply("window");
      asked.add(company + " " + window + " local=" + local);
      return counts(company, window);
    }

    TrendCounts counts(@Nullable String company, @Nullable String window) {
      return new TrendCounts(
          window == null ? "day" : window,
          FROM,
          TO,
          List.of(
              new TrendSeries(
                  company == null ? "OpenAI" : company,
                  EventType.FUNDING,
                  List.of(new TrendSeries.Point(Instant.parse("2026-11-28T00:00:00Z"), 3)))));
    }
  }
}
