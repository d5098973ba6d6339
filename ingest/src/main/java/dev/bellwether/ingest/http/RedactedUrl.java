package dev.bellwether.ingest.http;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A URL as it may be logged or written to Kafka: without user info and with the query replaced by
 * {@code ?…}, because source URLs may carry tokens substituted from the environment.
 */
public final class RedactedUrl {
  private RedactedUrl() {}

  public static String of(URI url) {
    if (url.getRawUserInfo() == null && url.getRawQuery() == null) {
      return url.toString();
    }
    try {
      String path = url.getRawPath() == null ? "" : url.getRawPath();
      String host =
          new URI(url.getScheme(), null, url.getHost(), url.getPort(), null, null, null).toString();
      return host + path + (url.getRawQuery() == null ? "" : "?\u2026");
    } catch (URISyntaxException e) {
      return url.getScheme() + "://" + url.getHost() + "/\u2026";
    }
  }
}
