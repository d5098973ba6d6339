package dev.bellwether.ingest.page;

import dev.bellwether.ingest.http.FetchException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Why an article's text is its feed's summary rather than its page's text: a cause to count by and
 * one sentence for people, stored as the article's {@code fallbackReason}.
 *
 * @param cause the kind of reason, for statistics
 * @param sentence what happened, e.g. {@code HTTP 404} or {@code timed out after 30 s}
 */
public record FallbackReason(Cause cause, String sentence) {
  /** Kinds of reasons, counted in {@link PageFetcherStats}. */
  public enum Cause {
    /** The item has no usable http(s) link. */
    BAD_LINK,
    /** The host name does not resolve, or the connection failed. */
    UNREACHABLE,
    /** The server answered with a status other than 2xx. */
    HTTP_STATUS,
    TIMEOUT,
    TOO_LARGE,
    /** The link (or a redirect) leads to a private or loopback address. */
    BLOCKED_ADDRESS,
    TOO_MANY_REDIRECTS,
    /** robots.txt disallows the page, or cannot be read and so defers visits. */
    ROBOTS,
    /** The host's rate limit (or its Retry-After) gave no turn within the batch's time. */
    HOST_BUSY,
    /** The fetch did not finish within the batch's time. */
    BATCH_TIME,
    /** The answer is not HTML. */
    NOT_HTML,
    /** The page is not an article, or has no main text. */
    NOT_AN_ARTICLE,
    /** The page could not be read for a reason not foreseen here (a bug). */
    INTERNAL
  }

  public FallbackReason {
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(sentence, "sentence");
  }

  /**
   * The reason for a failed fetch.
   *
   * @param timeout the client's time for a whole fetch, named in timeouts
   * @param maxBodyBytes the client's body limit, named for oversized pages
   */
  public static FallbackReason of(FetchException e, Duration timeout, long maxBodyBytes) {
    return switch (e.kind()) {
      case HTTP_STATUS -> new FallbackReason(Cause.HTTP_STATUS, "HTTP " + e.status());
      case TIMEOUT -> new FallbackReason(Cause.TIMEOUT, "timed out after " + seconds(timeout));
      case TOO_LARGE ->
          new FallbackReason(Cause.TOO_LARGE, "page larger than " + size(maxBodyBytes));
      case BLOCKED_ADDRESS ->
          new FallbackReason(
              Cause.BLOCKED_ADDRESS, "the link leads to a private or loopback address");
      case BAD_SCHEME -> badLink();
      case TOO_MANY_REDIRECTS -> new FallbackReason(Cause.TOO_MANY_REDIRECTS, e.getMessage());
      case ROBOTS_DISALLOWED ->
          new FallbackReason(
              Cause.ROBOTS,
              e.retriable()
                  ? "robots.txt of the site cannot be read, so its pages are not fetched now"
                  : "robots.txt disallows the page");
      case IO -> unreachable(e);
    };
  }

  public static FallbackReason badLink() {
    return new FallbackReason(Cause.BAD_LINK, "the item has no http or https link");
  }

  public static FallbackReason cannotResolve(String host) {
    return new FallbackReason(Cause.UNREACHABLE, "cannot resolve host " + host);
  }

  public static FallbackReason notAnArticle() {
    return new FallbackReason(Cause.NOT_AN_ARTICLE, "not an article page");
  }

  public static FallbackReason notHtml(String mediaType) {
    return new FallbackReason(Cause.NOT_HTML, "not an HTML page (" + mediaType + ")");
  }

  public static FallbackReason hostBusy(String host) {
    return new FallbackReason(
        Cause.HOST_BUSY, "no turn at host " + host + " within the batch's time (rate limit)");
  }

  public static FallbackReason batchTimeSpent(Duration budget) {
    return new FallbackReason(
        Cause.BATCH_TIME, "the fetch did not finish within the batch's " + seconds(budget));
  }

  public static FallbackReason interrupted() {
    return new FallbackReason(Cause.BATCH_TIME, "the fetch was interrupted");
  }

  public static FallbackReason internal(RuntimeException e) {
    return new FallbackReason(Cause.INTERNAL, "the page could not be read: " + e);
  }

  private static FallbackReason unreachable(FetchException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return cannotResolve(host(e.url()));
      }
    }
    return new FallbackReason(Cause.UNREACHABLE, e.getMessage());
  }

  private static String host(URI url) {
    return url.getHost() == null ? url.toString() : url.getHost();
  }

  static String seconds(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0
        ? millis / 1000 + " s"
        : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  static String size(long bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MiB";
    }
    if (bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return bytes + " bytes";
  }
}
