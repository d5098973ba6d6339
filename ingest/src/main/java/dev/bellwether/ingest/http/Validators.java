package dev.bellwether.ingest.http;

import java.net.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * What a server said to identify the version it sent, echoed on the next request so it can answer
 * 304 Not Modified.
 *
 * @param etag the {@code ETag} header, sent back as {@code If-None-Match}
 * @param lastModified the {@code Last-Modified} header, sent back as {@code If-Modified-Since}
 */
public record Validators(@Nullable String etag, @Nullable String lastModified) {
  private static final Validators NONE = new Validators(null, null);

  public static Validators none() {
    return NONE;
  }

  public boolean isEmpty() {
    return etag == null && lastModified == null;
  }

  /** The validators in a response's headers. */
  static Validators from(HttpHeaders headers) {
    return new Validators(
        headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null));
  }

  /** These validators, with any that {@code newer} has replacing ours. */
  Validators updatedBy(Validators newer) {
    return new Validators(
        newer.etag != null ? newer.etag : etag,
        newer.lastModified != null ? newer.lastModified : lastModified);
  }
}
