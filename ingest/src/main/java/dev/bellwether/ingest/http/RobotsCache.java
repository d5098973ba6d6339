package dev.bellwether.ingest.http;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per origin (scheme, host, port), parsed by crawler-commons' {@link
 * SimpleRobotRulesParser} under the robot name {@value #ROBOT_NAME}, fetched with the same {@link
 * SafeHttpClient} as the feeds (so the same address checks apply) and at most {@link
 * #MAX_ROBOTS_BYTES}, and cached.
 *
 * <p>Following crawler-commons' conventions for a failed fetch: a 4xx answer (404 above all) allows
 * everything; 429, 5xx, a timeout or an I/O error defer visits, which refuses everything on the
 * origin until robots.txt is read again after {@code failureTtl}. A robots.txt we refuse to fetch
 * for our own reasons (private address, too large, redirect loop) counts as absent: the feed fetch
 * then meets the same policy and fails with its own, clearer reason. Thread-safe; concurrent
 * callers for one origin share one fetch.
 */
public final class RobotsCache {
  /** The product token robots.txt groups are matched against. */
  public static final String ROBOT_NAME = "bellwether";

  /** Google reads the first 500 KiB of a robots.txt; we accept a little more, whole. */
  public static final long MAX_ROBOTS_BYTES = 512 * 1024;

  private static final Logger log = LoggerFactory.getLogger(RobotsCache.class);

  /**
   * The rules of an origin until {@code expires}; {@code failure} says why it could not be read.
   */
  private record Entry(BaseRobotRules rules, Instant expires, @Nullable String failure) {}

  private final SafeHttpClient http;
  private final Clock clock;
  private final Duration ttl;
  private final Duration failureTtl;
  private final ConcurrentMap<String, CompletableFuture<Entry>> byOrigin =
      new ConcurrentHashMap<>();

  /**
   * @param ttl how long a robots.txt that was read (or was absent) is trusted
   * @param failureTtl how long an unreadable robots.txt defers visits before we try again
   */
  public RobotsCache(SafeHttpClient http, Clock clock, Duration ttl, Duration failureTtl) {
    this.http = http;
    this.clock = clock;
    this.ttl = ttl;
    this.failureTtl = failureTtl;
  }

  /** What robots.txt of {@code url}'s origin says about {@code url}, fetching it if need be. */
  public RobotsVerdict verdict(URI url, boolean allowPrivate) {
    BaseRobotRules rules = entryFor(url, allowPrivate).rules();
    Duration delay = rules.getCrawlDelay() > 0 ? Duration.ofMillis(rules.getCrawlDelay()) : null;
    if (rules.isDeferVisits()) {
      return new RobotsVerdict(false, true, delay);
    }
    return new RobotsVerdict(rules.isAllowed(url.toString()), false, delay);
  }

  /**
   * Throws a {@link FetchException.Kind#ROBOTS_DISALLOWED} failure unless robots.txt allows {@code
   * url}; returns the verdict otherwise, for its crawl delay.
   */
  public RobotsVerdict requireAllowed(URI url, boolean allowPrivate) {
    RobotsVerdict verdict = verdict(url, allowPrivate);
    if (verdict.deferred()) {
      String failure = entryFor(url, allowPrivate).failure();
      throw FetchException.robotsDisallowed(
          url,
          "robots.txt of "
              + origin(url)
              + " cannot be read now"
              + (failure == null ? "" : " (" + failure + ")")
              + ", so visits are deferred",
          true);
    }
    if (!verdict.allowed()) {
      throw FetchException.robotsDisallowed(
          url, "robots.txt of " + origin(url) + " disallows this URL for " + ROBOT_NAME, false);
    }
    return verdict;
  }

  /** How many origins are cached, for memory accounting. */
  public int size() {
    return byOrigin.size();
  }

  private Entry entryFor(URI url, boolean allowPrivate) {
    String origin = origin(url);
    CompletableFuture<Entry> mine = new CompletableFuture<>();
    CompletableFuture<Entry> current =
        byOrigin.compute(origin, (key, old) -> old == null || isExpired(old) ? mine : old);
    if (current == mine) {
      mine.complete(fetch(url, origin, allowPrivate));
    }
    return current.join();
  }

  private boolean isExpired(CompletableFuture<Entry> entry) {
    return entry.isDone() && !clock.instant().isBefore(entry.join().expires());
  }

  private Entry fetch(URI url, String origin, boolean allowPrivate) {
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 5);
    URI robots = robotsUrl(url);
    try {
      FetchResult result =
          http.fetch(robots, Validators.none(), allowPrivate, null, MAX_ROBOTS_BYTES);
      byte[] body = result instanceof HttpResponseData ? ((HttpResponseData) result).body() : null;
      String type =
          result instanceof HttpResponseData ? ((HttpResponseData) result).contentType() : null;
      BaseRobotRules rules =
          parser.parseContent(
              robots.toString(), body == null ? new byte[0] : body, type, List.of(ROBOT_NAME));
      return new Entry(rules, clock.instant().plus(ttl), null);
    } catch (FetchException e) {
      return failed(parser, origin, e);
    }
  }

  private Entry failed(SimpleRobotRulesParser parser, String origin, FetchException e) {
    int status;
    if (e.kind() == FetchException.Kind.HTTP_STATUS) {
      status = e.status();
    } else {
      status = e.retriable() ? 503 : 404;
    }
    BaseRobotRules rules = parser.failedFetch(status);
    if (rules.isDeferVisits()) {
      log.warn(
          "robots.txt of {} unreadable ({}); deferring visits for {}",
          origin,
          e.getMessage(),
          failureTtl);
      return new Entry(rules, clock.instant().plus(failureTtl), e.getMessage());
    }
    log.debug("no usable robots.txt at {} ({}); all allowed", origin, e.getMessage());
    return new Entry(rules, clock.instant().plus(ttl), null);
  }

  private static String origin(URI url) {
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }

  private static URI robotsUrl(URI url) {
    try {
      return new URI(
          url.getScheme(), null, url.getHost(), url.getPort(), "/robots.txt", null, null);
    } catch (URISyntaxException e) {
      throw new FetchException(FetchException.Kind.BAD_SCHEME, url, "no robots.txt URL for " + url);
    }
  }
}
