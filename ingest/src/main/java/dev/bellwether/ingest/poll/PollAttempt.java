package dev.bellwether.ingest.poll;

import dev.bellwether.ingest.source.SourceDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One poll as the scheduler and the statistics see it: its result and what the exchange with the
 * server told us besides.
 *
 * @param started when the poll started, by the injected clock
 * @param latency how long robots check, fetch and parse took, by the system's monotonic timer
 * @param bodyBytes the size of the body received, after decompression (0 for 304 and most failures)
 * @param retryAfter when the server asked us to come back (429 or 503 with {@code Retry-After})
 * @param crawlDelay the host's robots.txt {@code Crawl-delay}, if it has one
 */
public record PollAttempt(
    PollResult result,
    Instant started,
    Duration latency,
    long bodyBytes,
    @Nullable Instant retryAfter,
    @Nullable Duration crawlDelay) {
  public PollAttempt {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(latency, "latency");
  }

  /** The kind of a poll that failed on a bug in Bellwether, not on the source. */
  public static final String INTERNAL = "INTERNAL";

  /**
   * A poll that ended in a bug, {@code e}: a retriable failure of kind {@link #INTERNAL}, so the
   * source backs off instead of spinning and a check reports it instead of stopping.
   */
  public static PollAttempt unexpected(
      SourceDefinition source, RuntimeException e, Instant started) {
    PollResult.Failed failed =
        new PollResult.Failed(
            source,
            PollResult.Failed.STAGE_HTTP,
            INTERNAL,
            String.valueOf(e),
            true,
            new byte[0],
            0,
            0);
    return new PollAttempt(failed, started, Duration.ZERO, 0, null, null);
  }
}
