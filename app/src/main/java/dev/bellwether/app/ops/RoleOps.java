package dev.bellwether.app.ops;

import dev.bellwether.schemas.KafkaConnection;
import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ops side of one running role: its meter registry (JVM basics bound, tagged {@code role=...}),
 * its readiness checks and the {@link OpsServer} that serves them. Started before the role so that
 * {@code /health/live} answers while it connects; closed after it.
 */
public final class RoleOps implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RoleOps.class);

  private final PrometheusMeterRegistry meters;
  private final Readiness readiness = new Readiness();
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final OpsServer server;

  private RoleOps(String role, OpsHttpOptions http, List<Consumer<JavalinConfig>> extensions) {
    if (http.port() < 0 || http.port() > 65535) {
      throw new OpsHttpException("--http-port must be between 0 and 65535, not " + http.port());
    }
    meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    meters.config().commonTags("role", role);
    new ClassLoaderMetrics().bindTo(meters);
    new JvmMemoryMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    new UptimeMetrics().bindTo(meters);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(meters);
    resources.push(gc);
    try {
      server = OpsServer.start(http.host(), http.port(), readiness, meters, extensions);
    } catch (RuntimeException e) {
      closeResources();
      throw new OpsHttpException(
          "cannot serve ops HTTP on " + http.host() + ":" + http.port() + ": " + rootMessage(e), e);
    }
    log.info(
        "Ops HTTP for {} at {} ({}, {}, {})",
        role,
        server.url(),
        OpsServer.LIVE,
        OpsServer.READY,
        OpsServer.METRICS);
  }

  /** Starts the ops server of {@code role} with the health and metrics routes. */
  public static RoleOps start(String role, OpsHttpOptions http) {
    return new RoleOps(role, http, List.of());
  }

  /** Starts it with more routes, e.g. the dashboard's. */
  public static RoleOps start(
      String role, OpsHttpOptions http, List<Consumer<JavalinConfig>> extensions) {
    return new RoleOps(role, http, extensions);
  }

  /** Where the role's meters go; scraped at {@code /metrics}. */
  public MeterRegistry meters() {
    return meters;
  }

  public OpsServer server() {
    return server;
  }

  /** Ready only while {@code kafka} answers. */
  public void requireKafka(KafkaConnection kafka) {
    KafkaReachable reachable = new KafkaReachable(kafka);
    resources.push(reachable);
    readiness.require("kafka", reachable);
  }

  /** Ready only while the Streams application named {@code name} is RUNNING. */
  public void requireStreamsRunning(String name, Supplier<KafkaStreams.State> state) {
    readiness.require(
        name,
        () -> {
          KafkaStreams.State now = state.get();
          return now == KafkaStreams.State.RUNNING
              ? Optional.empty()
              : Optional.of("Kafka Streams is " + now + ", not RUNNING");
        });
  }

  /** Ready only while {@code running} says so, e.g. a component's own thread is alive. */
  public void requireRunning(String name, java.util.function.BooleanSupplier running) {
    readiness.require(
        name, () -> running.getAsBoolean() ? Optional.empty() : Optional.of(name + " has stopped"));
  }

  /** Every part of the role has started. */
  public void started() {
    readiness.started();
  }

  /** The role is shutting down: not ready from now on, while still live. */
  public void stopping() {
    readiness.stopping();
  }

  /** Stops the server, then releases the checks' clients. */
  @Override
  public void close() {
    readiness.stopping();
    try {
      server.close();
    } catch (RuntimeException e) {
      log.warn("Stopping the ops HTTP server failed: {}", e.toString());
    }
    closeResources();
    meters.close();
  }

  private void closeResources() {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        log.warn("Closing an ops resource failed: {}", e.toString());
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
