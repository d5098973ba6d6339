package dev.bellwether.ingest.source;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One source to poll.
 *
 * @param id stable identifier, the Kafka key on {@code bellwether.sources}
 * @param type the kind of source, one of {@link #TYPES}; {@code rss} covers RSS and Atom
 * @param name the outlet's human name, shown in alerts (for {@code edgar}, the company)
 * @param url where to fetch, http or https (derived from the options for {@code edgar} and {@code
 *     federal-register})
 * @param interval time between polls, at least {@link #MIN_INTERVAL}
 * @param allowPrivate whether the url may resolve to loopback or private addresses
 * @param minInterval the shortest interval adaptive polling may use for a busy source
 * @param maxInterval the longest interval adaptive polling may use for a quiet source
 * @param options type-specific settings, keys in {@link SourceOptions} (CIK, forms and User-Agent
 *     for {@code edgar}, selectors for {@code html}, ...); those a type requires must be present
 */
public record SourceDefinition(
    String id,
    String type,
    String name,
    URI url,
    Duration interval,
    boolean allowPrivate,
    Duration minInterval,
    Duration maxInterval,
    Map<String, String> options) {

  public static final String RSS = "rss";
  public static final String EDGAR = "edgar";
  public static final String FEDERAL_REGISTER = "federal-register";
  public static final String HTML = "html";

  /** The source types this version can poll. */
  public static final Set<String> TYPES = Set.of(RSS, EDGAR, FEDERAL_REGISTER, HTML);

  public static final Duration MIN_INTERVAL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);

  /** A source with default interval bounds and no options. */
  public SourceDefinition(
      String id, String type, String name, URI url, Duration interval, boolean allowPrivate) {
    this(
        id,
        type,
        name,
        url,
        interval,
        allowPrivate,
        defaultMinInterval(interval),
        defaultMaxInterval(interval),
        Map.of());
  }

  public SourceDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(interval, "interval");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException(
          "unknown source type '" + type + "'; known: " + SourceOptions.sortedTypes());
    }
    if (!isHttp(url)) {
      throw new IllegalArgumentException("url must be an absolute http(s) URL: " + url);
    }
    if (interval.compareTo(MIN_INTERVAL) < 0) {
      throw new IllegalArgumentException("interval must be at least 30s: " + interval);
    }
    Objects.requireNonNull(minInterval, "minInterval");
    Objects.requireNonNull(maxInterval, "maxInterval");
    if (minInterval.compareTo(MIN_INTERVAL) < 0
        || minInterval.compareTo(interval) > 0
        || maxInterval.compareTo(interval) < 0) {
      throw new IllegalArgumentException(
          "need 30s <= min-interval <= interval <= max-interval: "
              + minInterval
              + ", "
              + interval
              + ", "
              + maxInterval);
    }
    options = Map.copyOf(options);
    SourceOptions.checkRequired(type, options);
  }

  /** A quarter of the interval, but never under {@link #MIN_INTERVAL}. */
  public static Duration defaultMinInterval(Duration interval) {
    Duration quarter = interval.dividedBy(4);
    if (quarter.compareTo(MIN_INTERVAL) >= 0) {
      return quarter;
    }
    return interval.compareTo(MIN_INTERVAL) < 0 ? interval : MIN_INTERVAL;
  }

  /** Four times the interval, but never over a day (or the interval, if that is longer). */
  public static Duration defaultMaxInterval(Duration interval) {
    Duration fourTimes = interval.multipliedBy(4);
    Duration day = Duration.ofDays(1);
    if (fourTimes.compareTo(day) <= 0) {
      return fourTimes;
    }
    return interval.compareTo(day) > 0 ? interval : day;
  }

  /** Whether {@code url} is absolute, http or https, and names a host. */
  public static boolean isHttp(URI url) {
    String scheme = url.getScheme();
    return scheme != null
        && Set.of("http", "https").contains(scheme.toLowerCase(Locale.ROOT))
        && url.getHost() != null;
  }

  /** Like the record's, but an EDGAR User-Agent (it names a contact) shows as {@code (set)}. */
  @Override
  public String toString() {
    Map<String, String> shown = new java.util.TreeMap<>(options);
    shown.computeIfPresent(SourceOptions.USER_AGENT, (key, value) -> "(set)");
    return "SourceDefinition[id="
        + id
        + ", type="
        + type
        + ", name="
        + name
        + ", url="
        + url
        + ", interval="
        + interval
        + ", allowPrivate="
        + allowPrivate
        + ", minInterval="
        + minInterval
        + ", maxInterval="
        + maxInterval
        + ", options="
        + shown
        + "]";
  }
}
