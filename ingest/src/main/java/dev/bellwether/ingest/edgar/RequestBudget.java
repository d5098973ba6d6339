package dev.bellwether.ingest.edgar;

import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket: at most {@code perSecond} requests a second, with bursts up to {@code perSecond}.
 * {@link #acquire} reserves the next free slot and sleeps until it, so callers queue in arrival
 * order; a caller whose slot is further away than its bound gives up without reserving.
 *
 * <p>The budget holds within one JVM. It is global for SEC EDGAR because every {@code edgar} source
 * is published to one partition of {@code bellwether.sources}, so one ingest instance at a time
 * polls them all (see {@code SourcePartitioner}). Thread-safe.
 */
public final class RequestBudget {
  /** Nanoseconds from an arbitrary origin, never going back. */
  @FunctionalInterface
  public interface Ticker {
    long nanos();
  }

  /** Waits for a number of nanoseconds. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private final double capacity;
  private final double nanosPerToken;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private double tokens;
  private long updatedAt;

  public RequestBudget(int perSecond, Ticker ticker, Sleeper sleeper) {
    if (perSecond <= 0) {
      throw new IllegalArgumentException("perSecond must be positive: " + perSecond);
    }
    this.capacity = perSecond;
    this.nanosPerToken = (double) SECOND / perSecond;
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.tokens = perSecond;
    this.updatedAt = ticker.nanos();
  }

  /** A budget on the system's monotonic clock, sleeping the calling thread. */
  public static RequestBudget perSecond(int perSecond) {
    return new RequestBudget(
        perSecond,
        System::nanoTime,
        nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
  }

  /**
   * Waits for a request slot, at most {@code maxWait}.
   *
   * @return whether the caller may send its request now; false if the wait would exceed {@code
   *     maxWait} or the thread was interrupted (its interrupt flag is then set again)
   */
  public boolean acquire(Duration maxWait) {
    long wait = reserve(maxWait.toNanos());
    if (wait < 0) {
      return false;
    }
    if (wait == 0) {
      return true;
    }
    try {
      sleeper.sleep(wait);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Nanoseconds until the reserved slot; -1, reserving nothing, if that is over {@code max}. */
  private synchronized long reserve(long max) {
    refill();
    long wait = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * nanosPerToken);
    if (wait > max) {
      return -1;
    }
    tokens -= 1;
    return wait;
  }

  private void refill() {
    long now = ticker.nanos();
    tokens = Math.min(capacity, tokens + (now - updatedAt) / nanosPerToken);
    updatedAt = now;
  }
}
