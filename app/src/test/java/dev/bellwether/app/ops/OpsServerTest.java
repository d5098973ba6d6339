package dev.bellwether.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ops server on loopback: health answers, readiness reasons and the Prometheus text. */
class OpsServerTest {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Readiness readiness = new Readiness();
  private final AtomicReference<Optional<String>> kafka =
      new AtomicReference<>(Optional.of("Kafka does not answer within 2 s"));
  private OpsServer server;

  @BeforeEach
  void startServer() {
    readiness.require("kafka", kafka::get);
    server = OpsServer.start("127.0.0.1", 0, readiness, metrics, List.of());
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void isLiveWhileRunningAndPicksAFreePortForPortZero() throws Exception {
    assertThat(server.port()).isPositive();
    assertThat(server.url().toString()).isEqualTo("http://127.0.0.1:" + server.port());

    HttpResponse<String> live = get(OpsServer.LIVE);

    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).contains("live");
  }

  @Test
  void saysWhatIsNotReadyWith503UntilEveryCheckPasses() throws Exception {
    HttpResponse<String> starting = get(OpsServer.READY);
    assertThat(starting.statusCode()).isEqualTo(503);
    assertThat(starting.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(starting.body())
        .contains("\"status\":\"not ready\"")
        .contains("\"kafka\":\"Kafka does not answer within 2 s\"")
        .contains("\"role\":\"the role is starting\"");

    readiness.started();
    kafka.set(Optional.empty());
    HttpResponse<String> ready = get(OpsServer.READY);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).isEqualTo("{\"status\":\"ready\"}");

    readiness.stopping();
    assertThat(get(OpsServer.READY).body()).contains("the role is stopping");
    assertThat(get(OpsServer.LIVE).statusCode()).isEqualTo(200);
  }

  @Test
  void aCheckThatThrowsCountsAsNotReady() throws Exception {
    readiness.started();
    kafka.set(Optional.empty());
    readiness.require(
        "processors",
        () -> {
          throw new IllegalStateException("no streams yet");
        });

    HttpResponse<String> response = get(OpsServer.READY);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("processors").contains("no streams yet");
  }

  @Test
  void servesMetricsInPrometheusTextFormat() throws Exception {
    Counter.builder("bellwether.items.published")
        .tag("source", "wire")
        .register(metrics)
        .increment(3);

    HttpResponse<String> response = get(OpsServer.METRICS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(response.body())
        .contains("# TYPE bellwether_items_published_total counter")
        .contains("bellwether_items_published_total{source=\"wire\"} 3.0");
  }

  @Test
  void refusesAPortThatIsTaken() {
    OpsHttpOptions taken = new OpsHttpOptions();
    taken.host = "127.0.0.1";
    taken.port = server.port();

    assertThatThrownBy(() -> RoleOps.start("ingest", taken))
        .isInstanceOf(OpsHttpException.class)
        .hasMessageStartingWith("cannot serve ops HTTP on 127.0.0.1:" + server.port());
  }

  @Test
  void extensionsAddRoutesOnTheSamePort() throws Exception {
    try (OpsServer withDashboard =
        OpsServer.start(
            "127.0.0.1",
            0,
            readiness,
            metrics,
            List.of(config -> config.routes.get("/dashboard", ctx -> ctx.result("alerts"))))) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(withDashboard.url().resolve("/dashboard")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("alerts");
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    URI uri = server.url().resolve(path);
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
