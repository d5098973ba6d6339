package dev.bellwether.ingest.source;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One source to poll.
 *
 * @param id stable identifier, the Kafka key on {@code bellwether.sources}
 * @param type the kind of source; {@code rss} covers RSS and Atom
 * @param name the outlet's human name, shown in alerts
 * @param url where to fetch, http or https
 * @param interval time between polls, at least {@link #MIN_INTERVAL}
 * @param allowPrivate whether the url may resolve to loopback or private addresses
 */
public record SourceDefinition(
    String id, String type, String name, URI url, Duration interval, boolean allowPrivate) {

  /** The source types this version can poll. */
  public static final Set<String> TYPES = Set.of("rss");

  public static final Duration MIN_INTERVAL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);

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
      throw new IllegalArgumentException("unknown source type '" + type + "'; known: " + TYPES);
    }
    if (!isHttp(url)) {
      throw new IllegalArgumentException("url must be an absolute http(s) URL: " + url);
    }
    if (interval.compareTo(MIN_INTERVAL) < 0) {
      throw new IllegalArgumentException("interval must be at least 30s: " + interval);
    }
  }

  /** Whether {@code url} is absolute, http or https, and names a host. */
  public static boolean isHttp(URI url) {
    String scheme = url.getScheme();
    return scheme != null
        && Set.of("http", "https").contains(scheme.toLowerCase(Locale.ROOT))
        && url.getHost() != null;
  }
}
