package dev.bellwether.ingest.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and identity of {@link SafeHttpClient}.
 *
 * @param connectTimeout time to open a connection
 * @param requestTimeout time for a whole fetch, redirects and body included
 * @param maxBodyBytes the largest body accepted, before and after decompression
 * @param maxRedirects redirects followed before giving up
 * @param userAgent the {@code User-Agent} header
 */
public record HttpSettings(
    Duration connectTimeout,
    Duration requestTimeout,
    long maxBodyBytes,
    int maxRedirects,
    String userAgent) {

  public static final String USER_AGENT =
      "Bellwether/0.1 (+https://github.com/bellwether-ai/bellwether)";

  public HttpSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(userAgent, "userAgent");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
    }
    if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxBodyBytes out of range: " + maxBodyBytes);
    }
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
    }
  }

  /** 10 s to connect, 30 s per fetch, 10 MiB bodies, 5 redirects. */
  public static HttpSettings defaults() {
    return new HttpSettings(
        Duration.ofSeconds(10), Duration.ofSeconds(30), 10L * 1024 * 1024, 5, USER_AGENT);
  }

  public HttpSettings withMaxBodyBytes(long bytes) {
    return new HttpSettings(connectTimeout, requestTimeout, bytes, maxRedirects, userAgent);
  }

  public HttpSettings withRequestTimeout(Duration timeout) {
    return new HttpSettings(connectTimeout, timeout, maxBodyBytes, maxRedirects, userAgent);
  }
}
