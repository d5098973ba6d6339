package dev.bellwether.ingest.http;

import dev.bellwether.ingest.IngestException;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/** A fetch that failed, with the kind of failure and whether trying later may help. */
public final class FetchException extends IngestException {
  /** Why a fetch failed. */
  public enum Kind {
    BLOCKED_ADDRESS,
    BAD_SCHEME,
    TOO_LARGE,
    TIMEOUT,
    TOO_MANY_REDIRECTS,
    HTTP_STATUS,
    IO,
    /** robots.txt of the host disallows the URL, or could not be read and so defers visits. */
    ROBOTS_DISALLOWED;

    /** Whether this is our own safety or politeness policy refusing, not the server failing. */
    public boolean isRefusal() {
      return this == BLOCKED_ADDRESS
          || this == BAD_SCHEME
          || this == TOO_LARGE
          || this == TOO_MANY_REDIRECTS
          || this == ROBOTS_DISALLOWED;
    }
  }

  private static final byte[] NO_BODY = new byte[0];

  private final Kind kind;
  private final URI url;
  private final int status;
  private final byte[] body;
  private final @Nullable String retryAfter;
  private final boolean retriable;

  public FetchException(Kind kind, URI url, String message) {
    this(kind, url, message, 0, NO_BODY, null, null, defaultRetriable(kind, 0));
  }

  public FetchException(Kind kind, URI url, String message, @Nullable Throwable cause) {
    this(kind, url, message, 0, NO_BODY, null, cause, defaultRetriable(kind, 0));
  }

  private FetchException(
      Kind kind,
      URI url,
      String message,
      int status,
      byte[] body,
      @Nullable String retryAfter,
      @Nullable Throwable cause,
      boolean retriable) {
    super(message, cause);
    this.kind = kind;
    this.url = url;
    this.status = status;
    this.body = body.clone();
    this.retryAfter = retryAfter;
    this.retriable = retriable;
  }

  static FetchException status(URI url, int status, byte[] body, @Nullable String retryAfter) {
    return new FetchException(
        Kind.HTTP_STATUS,
        url,
        "the server answered HTTP " + status,
        status,
        body,
        retryAfter,
        null,
        defaultRetriable(Kind.HTTP_STATUS, status));
  }

  /**
   * robots.txt refuses {@code url}; {@code deferred} when it could not be read (5xx, timeout) and
   * so only refuses until it can be, which makes the refusal retriable.
   */
  public static FetchException robotsDisallowed(URI url, String message, boolean deferred) {
    return new FetchException(
        Kind.ROBOTS_DISALLOWED, url, message, 0, NO_BODY, null, null, deferred);
  }

  /** The {@code Retry-After} header of a 429 or 503 answer, as sent; see {@link RetryAfter}. */
  public @Nullable String retryAfter() {
    return retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /** The URL of the hop that failed. */
  public URI url() {
    return url;
  }

  /** The HTTP status for {@link Kind#HTTP_STATUS}, otherwise 0. */
  public int status() {
    return status;
  }

  /** The start of the response body for {@link Kind#HTTP_STATUS}, otherwise empty. */
  public byte[] body() {
    return body.clone();
  }

  /**
   * Whether the same fetch may succeed later: timeouts, I/O errors, 408, 425, 429 and 5xx. Blocked
   * addresses, bad schemes, oversize bodies, redirect loops and other statuses will not; a
   * robots.txt refusal is retriable only when it was deferred because robots.txt could not be read.
   */
  public boolean retriable() {
    return retriable;
  }

  private static boolean defaultRetriable(Kind kind, int status) {
    switch (kind) {
      case TIMEOUT:
      case IO:
        return true;
      case HTTP_STATUS:
        return status == 408 || status == 425 || status == 429 || status >= 500;
      default:
        return false;
    }
  }
}
