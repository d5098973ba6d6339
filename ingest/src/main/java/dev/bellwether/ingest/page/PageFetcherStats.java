package dev.bellwether.ingest.page;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link PageFetcher} has done since it started.
 *
 * @param fetched articles whose text came from their page
 * @param fallbacks articles that fell back to the feed summary, by cause (causes never seen are
 *     absent)
 * @param bytes page bytes read (decoded size)
 * @param meanLatency the mean time per item, fetch and extraction, over all items
 * @param maxLatency the longest time one item took
 */
public record PageFetcherStats(
    long fetched,
    Map<FallbackReason.Cause, Long> fallbacks,
    long bytes,
    Duration meanLatency,
    Duration maxLatency) {

  public PageFetcherStats {
    fallbacks = Map.copyOf(fallbacks);
  }

  /** All fallbacks, whatever their cause. */
  public long fallbackCount() {
    return fallbacks.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Counts outcomes as they happen, from any thread; {@link #snapshot()} reads them. */
  static final class Recorder {
    private final LongAdder fetched = new LongAdder();
    private final Map<FallbackReason.Cause, LongAdder> fallbacks =
        new EnumMap<>(FallbackReason.Cause.class);
    private final LongAdder bytes = new LongAdder();
    private final LongAdder items = new LongAdder();
    private final LongAdder totalNanos = new LongAdder();
    private final AtomicLong maxNanos = new AtomicLong();

    Recorder() {
      for (FallbackReason.Cause cause : FallbackReason.Cause.values()) {
        fallbacks.put(cause, new LongAdder());
      }
    }

    void fetched(long pageBytes, Duration latency) {
      fetched.increment();
      bytes.add(pageBytes);
      took(latency);
    }

    void fellBack(FallbackReason reason, Duration latency) {
      fallbacks.get(reason.cause()).increment();
      took(latency);
    }

    PageFetcherStats snapshot() {
      Map<FallbackReason.Cause, Long> counts = new EnumMap<>(FallbackReason.Cause.class);
      fallbacks.forEach(
          (cause, count) -> {
            if (count.sum() > 0) {
              counts.put(cause, count.sum());
            }
          });
      long n = items.sum();
      Duration mean = n == 0 ? Duration.ZERO : Duration.ofNanos(totalNanos.sum() / n);
      return new PageFetcherStats(
          fetched.sum(), counts, bytes.sum(), mean, Duration.ofNanos(maxNanos.get()));
    }

    private void took(Duration latency) {
      long nanos = latency.toNanos();
      items.increment();
      totalNanos.add(nanos);
      maxNanos.accumulateAndGet(nanos, Math::max);
    }
  }
}
