package dev.bellwether.processors.metrics;

import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The processors' own meters, registered in the registry given at start-up:
 *
 * <ul>
 *   <li>{@value #TAGGING}: time to tag one article (core's tagger and the mapping to Avro);
 *   <li>{@value #ALERTS}: alerts published, by {@code event_type};
 *   <li>{@value #ALERT_LAG}: from the moment ingest published the item (the article's {@code
 *       discovered} time) to the moment its alert is produced;
 *   <li>{@value #DLQ}: dead letters written, by {@code stage} (see {@link #deadLetter}).
 * </ul>
 *
 * <p>Counted as records pass; a transaction that is aborted and processed again counts twice.
 */
public final class ProcessorsMetrics {
  public static final String TAGGING = "bellwether.tagging";
  public static final String ALERTS = "bellwether.alerts";
  public static final String ALERT_LAG = "bellwether.alert.lag";
  public static final String DLQ = "bellwether.dlq.records";

  /**
   * The Streams configuration key under which the registry reaches the exception handlers, which
   * Kafka Streams instantiates itself.
   */
  public static final String REGISTRY_CONFIG = "bellwether.meter.registry";

  private final MeterRegistry registry;
  private final Clock clock;
  private final Timer tagging;
  private final Timer alertLag;
  // looked up once per type: registering on every alert cost a map lookup and an id's allocation
  private final Map<EventType, Counter> alertsByType = new ConcurrentHashMap<>();

  public ProcessorsMetrics(MeterRegistry registry, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tagging =
        Timer.builder(TAGGING)
            .description("Time to tag one article")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);
    this.alertLag =
        Timer.builder(ALERT_LAG)
            .description("From the item's publication by ingest to its alert")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofHours(6))
            .register(registry);
  }

  /** Runs the tagging step and records how long it took. */
  public <T> T timeTagging(Supplier<T> tag) {
    return Objects.requireNonNull(tagging.record(tag));
  }

  /** Counts {@code alerts} by event type and records each one's lag; returns them unchanged. */
  /**
   * Counts an alert by event type and records its lag: from when ingest discovered the article that
   * triggered it to now.
   */
  public void alertPublished(Alert alert, Instant discovered) {
    alertsByType
        .computeIfAbsent(
            alert.getEventType(),
            type -> counter(ALERTS, "event_type", type.name().toLowerCase(Locale.ROOT)))
        .increment();
    Duration lag = Duration.between(discovered, clock.instant());
    alertLag.record(lag.isNegative() ? Duration.ZERO : lag);
  }

  /** Counts one dead letter of {@code stage} in the registry the handlers were configured with. */
  public static void deadLetter(@Nullable MeterRegistry registry, String stage) {
    if (registry != null) {
      Counter.builder(DLQ)
          .description("Dead letters written to bellwether.dlq")
          .tag("stage", stage)
          .register(registry)
          .increment();
    }
  }

  /** The registry in a Streams configuration (see {@link #REGISTRY_CONFIG}), if any. */
  public static @Nullable MeterRegistry registryIn(Map<String, ?> configs) {
    return configs.get(REGISTRY_CONFIG) instanceof MeterRegistry r ? r : null;
  }

  private Counter counter(String name, String tag, String value) {
    return Counter.builder(name).tag(tag, value).register(registry);
  }
}
