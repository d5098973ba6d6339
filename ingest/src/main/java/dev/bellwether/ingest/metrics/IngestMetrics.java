package dev.bellwether.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Names of ingest's own meters, so that ingest and the processors count dead letters under one
 * name:
 *
 * <ul>
 *   <li>{@value #ITEMS_PUBLISHED}: feed items written to {@code bellwether.discovered} and
 *       acknowledged, by {@code source};
 *   <li>{@value #FETCH_ERRORS}: items whose page the fetcher could not use, by {@code kind} (a
 *       {@link dev.bellwether.ingest.page.FallbackReason.Cause});
 *   <li>{@value #DLQ}: dead letters written, by {@code stage}.
 * </ul>
 */
public final class IngestMetrics {
  public static final String ITEMS_PUBLISHED = "bellwether.items.published";
  public static final String FETCH_ERRORS = "bellwether.fetch.errors";
  public static final String DLQ = "bellwether.dlq.records";

  private IngestMetrics() {}

  /** The counter of feed items published for {@code sourceId}. */
  public static Counter itemsPublished(MeterRegistry registry, String sourceId) {
    return Counter.builder(ITEMS_PUBLISHED)
        .description("Feed items written to bellwether.discovered")
        .tag("source", sourceId)
        .register(registry);
  }

  /** The counter of dead letters of {@code stage}. */
  public static Counter deadLetters(MeterRegistry registry, String stage) {
    return Counter.builder(DLQ)
        .description("Dead letters written to bellwether.dlq")
        .tag("stage", stage)
        .register(registry);
  }
}
