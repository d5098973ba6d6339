package dev.bellwether.ingest.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What polling one source has come to, for metrics and dashboards.
 *
 * @param lastAttempt when the last poll started
 * @param lastSuccess when the last poll that worked (200 or 304) started
 * @param polls polls finished
 * @param itemsFound items in all fetched feeds, repeats included
 * @param newItems items that the previous fetch of the feed did not have
 * @param errorsByKind failed polls by kind (a {@link
 *     dev.bellwether.ingest.http.FetchException.Kind} name or {@code PARSE})
 * @param bytesFetched body bytes received, after decompression
 * @param lastLatency how long the last poll took
 * @param currentInterval the adaptive interval now in force
 * @param nextDue when the next poll may start
 */
public record SourceStats(
    @Nullable Instant lastAttempt,
    @Nullable Instant lastSuccess,
    long polls,
    long itemsFound,
    long newItems,
    Map<String, Long> errorsByKind,
    long bytesFetched,
    @Nullable Duration lastLatency,
    Duration currentInterval,
    Instant nextDue) {

  public SourceStats {
    errorsByKind = Map.copyOf(errorsByKind);
    Objects.requireNonNull(currentInterval, "currentInterval");
    Objects.requireNonNull(nextDue, "nextDue");
  }

  /** A source not polled yet. */
  public static SourceStats initial(PollSchedule schedule) {
    return new SourceStats(
        null, null, 0, 0, 0, Map.of(), 0, null, schedule.interval(), schedule.due());
  }

  /**
   * These statistics updated by {@code attempt}, which found {@code fresh} new items (negative if
   * unknown) and led to {@code next}.
   */
  public SourceStats after(PollAttempt attempt, int fresh, PollSchedule next) {
    PollResult result = attempt.result();
    boolean failed = result instanceof PollResult.Failed;
    int found =
        result instanceof PollResult.Fetched ? ((PollResult.Fetched) result).items().size() : 0;
    return new SourceStats(
        attempt.started(),
        failed ? lastSuccess : attempt.started(),
        polls + 1,
        itemsFound + found,
        newItems + Math.max(0, fresh),
        failed ? withError(((PollResult.Failed) result).kind()) : errorsByKind,
        bytesFetched + attempt.bodyBytes(),
        attempt.latency(),
        next.interval(),
        next.due());
  }

  /** The same statistics with the interval and due time of {@code schedule}. */
  public SourceStats scheduled(PollSchedule schedule) {
    return new SourceStats(
        lastAttempt,
        lastSuccess,
        polls,
        itemsFound,
        newItems,
        errorsByKind,
        bytesFetched,
        lastLatency,
        schedule.interval(),
        schedule.due());
  }

  private Map<String, Long> withError(String kind) {
    Map<String, Long> errors = new TreeMap<>(errorsByKind);
    errors.merge(kind, 1L, Long::sum);
    return errors;
  }
}
