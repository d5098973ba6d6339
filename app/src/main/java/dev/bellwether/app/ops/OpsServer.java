package dev.bellwether.app.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One HTTP server per process for operators: {@code GET /health/live} (200 while the process runs),
 * {@code GET /health/ready} (200 when every {@link Readiness} check passes, otherwise 503 with a
 * JSON body naming what is not ready) and {@code GET /metrics} (Prometheus text format). Other
 * routes (the dashboard) join through {@code extensions}, which see Javalin's configuration before
 * the server starts.
 */
public final class OpsServer implements AutoCloseable {
  public static final String LIVE = "/health/live";
  public static final String READY = "/health/ready";
  public static final String METRICS = "/metrics";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Javalin javalin;
  private final String host;

  private OpsServer(Javalin javalin, String host) {
    this.javalin = javalin;
    this.host = host;
  }

  /**
   * Starts listening on {@code host:port} ({@code port} 0 picks a free one).
   *
   * @throws IllegalStateException if the port cannot be bound
   */
  public static OpsServer start(
      String host,
      int port,
      Readiness readiness,
      PrometheusMeterRegistry metrics,
      List<Consumer<JavalinConfig>> extensions) {
    Objects.requireNonNull(readiness, "readiness");
    Objects.requireNonNull(metrics, "metrics");
    Javalin javalin =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.host = host;
              config.jetty.port = port;
              config.routes.get(
                  LIVE, ctx -> ctx.contentType("application/json").result("{\"status\":\"live\"}"));
              config.routes.get(READY, ctx -> ready(ctx, readiness));
              config.routes.get(METRICS, ctx -> scrape(ctx, metrics));
              extensions.forEach(e -> e.accept(config));
            });
    javalin.start();
    return new OpsServer(javalin, host);
  }

  /** The port listened on (the chosen one when started with port 0). */
  public int port() {
    return javalin.port();
  }

  public URI url() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + h + ":" + port());
  }

  @Override
  public void close() {
    javalin.stop();
  }

  private static void ready(Context ctx, Readiness readiness) throws JsonProcessingException {
    Readiness.Report report = readiness.check();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", report.ready() ? "ready" : "not ready");
    if (!report.ready()) {
      body.put("notReady", report.notReady());
    }
    ctx.status(report.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .contentType("application/json")
        .result(JSON.writeValueAsString(body));
  }

  private static void scrape(Context ctx, PrometheusMeterRegistry metrics) {
    ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
  }
}
