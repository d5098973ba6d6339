package dev.bellwether.ingest.poll;

import dev.bellwether.ingest.http.PolitenessSettings;
import dev.bellwether.ingest.source.SourceDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When a source is polled next, and why: a pure function of the last outcome, the time and a random
 * number for jitter.
 *
 * <ul>
 *   <li>The interval adapts within {@link SourceDefinition#minInterval()} and {@link
 *       SourceDefinition#maxInterval()}, starting at {@link SourceDefinition#interval()}: times
 *       {@value #BUSY_FACTOR} after a poll that found new items, times {@value #QUIET_FACTOR} after
 *       one that found none (304, or the same items again). A poll whose novelty is unknown (the
 *       first one) leaves it alone.
 *   <li>After {@code n} failures in a row the wait is {@code interval * 2^(n-1)} for retriable
 *       failures and the gentler {@code interval * 1.5^(n-1)} for the others, at most the larger of
 *       {@code maxBackoff} and the max interval, times a jitter in [0.8, 1.2), and never under the
 *       min interval. A success resets the count.
 *   <li>A {@code Retry-After} moves the next poll to no earlier than it says, at most {@code
 *       maxRetryAfter} from now.
 * </ul>
 *
 * @param interval the current adaptive interval
 * @param failures failed polls in a row
 * @param due when the next poll may start
 */
public record PollSchedule(Duration interval, int failures, Instant due) {
  public static final double BUSY_FACTOR = 0.5;
  public static final double QUIET_FACTOR = 1.5;
  static final double RETRIABLE_GROWTH = 2.0;
  static final double GENTLE_GROWTH = 1.5;
  private static final int MAX_COUNTED_FAILURES = 64;

  public PollSchedule {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(due, "due");
    if (failures < 0) {
      throw new IllegalArgumentException("failures must not be negative: " + failures);
    }
  }

  /** A new source: due now, at its configured interval. */
  public static PollSchedule first(SourceDefinition source, Instant now) {
    return new PollSchedule(source.interval(), 0, now);
  }

  /**
   * After a poll that worked.
   *
   * @param newItems how many items the poll found that the previous one did not; negative if
   *     unknown
   */
  public PollSchedule afterSuccess(SourceDefinition source, int newItems, Instant now) {
    Duration next = interval;
    if (newItems > 0) {
      next = clamp(times(interval, BUSY_FACTOR), source.minInterval(), source.maxInterval());
    } else if (newItems == 0) {
      next = clamp(times(interval, QUIET_FACTOR), source.minInterval(), source.maxInterval());
    }
    return new PollSchedule(next, 0, now.plus(next));
  }

  /**
   * After a failed poll.
   *
   * @param retryAfter when the server asked us to come back, if it did
   * @param random uniform in [0, 1), for jitter
   */
  public PollSchedule afterFailure(
      SourceDefinition source,
      boolean retriable,
      @Nullable Instant retryAfter,
      Instant now,
      double random,
      PolitenessSettings settings) {
    int failed = Math.min(failures + 1, MAX_COUNTED_FAILURES);
    double growth = Math.pow(retriable ? RETRIABLE_GROWTH : GENTLE_GROWTH, failed - 1.0);
    Duration cap = max(settings.maxBackoff(), source.maxInterval());
    Duration backoff = min(times(interval, growth), cap);
    Duration jittered = max(times(backoff, 0.8 + 0.4 * random), source.minInterval());
    Instant due = now.plus(jittered);
    if (retryAfter != null) {
      Instant latest = now.plus(settings.maxRetryAfter());
      Instant asked = retryAfter.isAfter(latest) ? latest : retryAfter;
      due = asked.isAfter(due) ? asked : due;
    }
    return new PollSchedule(interval, failed, due);
  }

  /** The same schedule, but not due before {@code earliest} (a busy host). */
  public PollSchedule notBefore(Instant earliest) {
    return earliest.isAfter(due) ? new PollSchedule(interval, failures, earliest) : this;
  }

  /** The same schedule for a changed definition: the interval back within its bounds. */
  public PollSchedule within(SourceDefinition source) {
    Duration bounded = clamp(interval, source.minInterval(), source.maxInterval());
    return bounded.equals(interval) ? this : new PollSchedule(bounded, failures, due);
  }

  private static Duration times(Duration duration, double factor) {
    double nanos = duration.toNanos() * factor;
    return nanos >= Long.MAX_VALUE
        ? Duration.ofNanos(Long.MAX_VALUE)
        : Duration.ofNanos((long) nanos);
  }

  private static Duration clamp(Duration value, Duration low, Duration high) {
    return max(low, min(value, high));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
