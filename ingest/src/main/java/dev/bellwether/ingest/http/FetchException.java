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
    IO
  }

  private static final byte[] NO_BODY = new byte[0];

  private final Kind kind;
  private final URI url;
  private final int status;
  private final byte[] body;

  public FetchException(Kind kind, URI url, String message) {
    this(kind, url, message, 0, NO_BODY, null);
  }

  public FetchException(Kind kind, URI url, String message, @Nullable Throwable cause) {
    this(kind, url, message, 0, NO_BODY, cause);
  }

  FetchException(
      Kind kind, URI url, String message, int status, byte[] body, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.url = url;
    this.status = status;
    this.body = body.clone();
  }

  static FetchException status(URI url, int status, byte[] body) {
    return new FetchException(
        Kind.HTTP_STATUS, url, "the server answered HTTP " + status, status, body, null);
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
   * addresses, bad schemes, oversize bodies, redirect loops and other statuses will not.
   */
  public boolean retriable() {
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
