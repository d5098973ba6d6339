package dev.bellwether.ingest.http;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A token bucket per host, kept as the time its next request is due (the generic cell rate
 * algorithm): a host allows {@link PolitenessSettings#burst()} requests at once and then one per
 * {@code 1 / rate} seconds, or per {@code Crawl-delay} if robots.txt asks for more. A {@code
 * Retry-After} from the host pauses it. Pure apart from its own state: time comes in as arguments.
 * Thread-safe.
 */
public final class HostThrottle {
  private static final class Host {
    Instant nextDue;
    Instant pausedUntil = Instant.EPOCH;
    Duration crawlDelay = Duration.ZERO;

    Host(Instant nextDue) {
      this.nextDue = nextDue;
    }
  }

  private final PolitenessSettings settings;
  private final Map<String, Host> hosts = new HashMap<>();

  public HostThrottle(PolitenessSettings settings) {
    this.settings = settings;
  }

  /**
   * Takes a token for a request to {@code host} at {@code now}: empty if the request may go, or
   * else when it may (nothing is taken then).
   */
  public synchronized Optional<Instant> tryAcquire(String host, Instant now) {
    Host paused = hosts.get(key(host));
    if (paused != null && now.isBefore(paused.pausedUntil)) {
      return Optional.of(paused.pausedUntil);
    }
    Duration spacing = spacing(host);
    if (spacing.isZero()) {
      return Optional.empty();
    }
    Host state = hosts.computeIfAbsent(key(host), h -> new Host(now));
    Instant allowedFrom = state.nextDue.minus(spacing.multipliedBy(settings.burst() - 1L));
    if (now.isBefore(allowedFrom)) {
      return Optional.of(allowedFrom);
    }
    Instant base = state.nextDue.isAfter(now) ? state.nextDue : now;
    state.nextDue = base.plus(spacing);
    return Optional.empty();
  }

  /** Applies robots.txt's {@code Crawl-delay} for {@code host}, cut to the configured maximum. */
  public synchronized void crawlDelay(String host, Duration delay) {
    Duration bounded =
        delay.compareTo(settings.maxCrawlDelay()) > 0 ? settings.maxCrawlDelay() : delay;
    Host state = hosts.computeIfAbsent(key(host), h -> new Host(Instant.EPOCH));
    state.crawlDelay = bounded.isNegative() ? Duration.ZERO : bounded;
  }

  /** No request to {@code host} before {@code until} (a {@code Retry-After}). */
  public synchronized void pauseUntil(String host, Instant until) {
    Host state = hosts.computeIfAbsent(key(host), h -> new Host(Instant.EPOCH));
    if (until.isAfter(state.pausedUntil)) {
      state.pausedUntil = until;
    }
  }

  /** The time between requests to {@code host}: the larger of its rate's and its crawl delay. */
  public synchronized Duration spacing(String host) {
    double rate = settings.rateFor(host);
    Duration byRate =
        Double.isInfinite(rate) ? Duration.ZERO : Duration.ofNanos((long) (1e9 / rate));
    Host state = hosts.get(key(host));
    Duration crawl = state == null ? Duration.ZERO : state.crawlDelay;
    return crawl.compareTo(byRate) > 0 ? crawl : byRate;
  }

  /** How many hosts have state, for memory accounting. */
  public synchronized int size() {
    return hosts.size();
  }

  private static String key(String host) {
    return host.toLowerCase(Locale.ROOT);
  }
}
