package dev.bellwether.bench.load;

import org.HdrHistogram.Histogram;

/**
 * Publish-to-alert latencies: each alert carries the publish time of the item that caused it (its
 * record timestamp, which Kafka Streams carries from input to output), and is seen at a wall-clock
 * time. Alerts about items published before {@link #from} (the warm-up) are not recorded.
 */
final class LatencyRecorder {
  /** The longest latency recorded exactly; longer ones are recorded as this. */
  static final long MAX_MILLIS = 600_000;

  private final Histogram histogram = new Histogram(MAX_MILLIS, 3);
  private final long from;
  private long early;
  private long negative;

  /** Records alerts about items published at or after {@code fromMillis}. */
  LatencyRecorder(long fromMillis) {
    this.from = fromMillis;
  }

  void record(long publishedMillis, long seenMillis) {
    if (publishedMillis < from) {
      early++;
      return;
    }
    long latency = seenMillis - publishedMillis;
    if (latency < 0) {
      negative++; // clocks of one JVM: only a timestamp set elsewhere can be ahead
      latency = 0;
    }
    histogram.recordValue(Math.min(latency, MAX_MILLIS));
  }

  long count() {
    return histogram.getTotalCount();
  }

  /** Alerts about items published before the measured interval. */
  long early() {
    return early;
  }

  /** Alerts seen before their item's publish time (counted as 0 ms). */
  long negative() {
    return negative;
  }

  long percentile(double p) {
    return histogram.getValueAtPercentile(p);
  }

  long max() {
    return histogram.getMaxValue();
  }

  String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "alerts %d, p50 %d ms, p90 %d ms, p99 %d ms, max %d ms",
        count(),
        percentile(50),
        percentile(90),
        percentile(99),
        max());
  }
}
