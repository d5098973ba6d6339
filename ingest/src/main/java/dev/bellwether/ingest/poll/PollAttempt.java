package dev.bellwether.ingest.poll;

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
}
