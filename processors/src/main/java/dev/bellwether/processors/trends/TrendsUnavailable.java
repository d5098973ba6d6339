package dev.bellwether.processors.trends;

/**
 * Trends cannot be answered right now: Kafka Streams is not running (starting, rebalancing,
 * stopping), a store is moving, or the instance owning some keys did not answer. Retriable.
 */
public final class TrendsUnavailable extends RuntimeException {
  public TrendsUnavailable(String message) {
    super(message);
  }

  public TrendsUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
