package dev.bellwether.ingest.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How gently ingest treats the servers it polls.
 *
 * @param requestsPerSecond the default request rate per host; {@link Double#POSITIVE_INFINITY}
 *     means no limit
 * @param burst how many requests a host may get at once before the rate applies (at least 1)
 * @param perHost request rates for particular hosts (lower-case names), overriding the default
 * @param maxCrawlDelay the longest {@code Crawl-delay} of robots.txt we honour; longer ones are cut
 *     to this
 * @param obeyRobots whether robots.txt is read and obeyed
 * @param robotsTtl how long a robots.txt (or its absence) is trusted
 * @param robotsFailureTtl how long an unreadable robots.txt defers visits before it is read again
 * @param maxRetryAfter the furthest a {@code Retry-After} may push a source's next poll
 * @param maxBackoff the longest wait after repeated failures (or the source's max interval, if
 *     longer)
 */
public record PolitenessSettings(
    double requestsPerSecond,
    int burst,
    Map<String, Double> perHost,
    Duration maxCrawlDelay,
    boolean obeyRobots,
    Duration robotsTtl,
    Duration robotsFailureTtl,
    Duration maxRetryAfter,
    Duration maxBackoff) {

  public PolitenessSettings {
    if (!(requestsPerSecond > 0)) {
      throw new IllegalArgumentException(
          "requestsPerSecond must be positive: " + requestsPerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1: " + burst);
    }
    perHost =
        perHost.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
    perHost.forEach(
        (host, rate) -> {
          if (!(rate > 0)) {
            throw new IllegalArgumentException("rate for " + host + " must be positive: " + rate);
          }
        });
    Objects.requireNonNull(maxCrawlDelay, "maxCrawlDelay");
    Objects.requireNonNull(robotsTtl, "robotsTtl");
    Objects.requireNonNull(robotsFailureTtl, "robotsFailureTtl");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
  }

  /**
   * One request per second per host, no burst; Crawl-delay up to a minute; robots.txt trusted for 6
   * hours, an unreadable one retried after 15 minutes; Retry-After and backoff up to 6 hours.
   */
  public static PolitenessSettings defaults() {
    return new PolitenessSettings(
        1.0,
        1,
        Map.of(),
        Duration.ofMinutes(1),
        true,
        Duration.ofHours(6),
        Duration.ofMinutes(15),
        Duration.ofHours(6),
        Duration.ofHours(6));
  }

  /** These settings without per-host rate limits (robots.txt and Crawl-delay still apply). */
  public PolitenessSettings withoutHostLimits() {
    return new PolitenessSettings(
        Double.POSITIVE_INFINITY,
        burst,
        Map.of(),
        maxCrawlDelay,
        obeyRobots,
        robotsTtl,
        robotsFailureTtl,
        maxRetryAfter,
        maxBackoff);
  }

  /** The request rate for {@code host}. */
  public double rateFor(String host) {
    return perHost.getOrDefault(host.toLowerCase(Locale.ROOT), requestsPerSecond);
  }
}
