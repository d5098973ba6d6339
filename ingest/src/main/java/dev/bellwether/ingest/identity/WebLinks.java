package dev.bellwether.ingest.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Links read from documents, kept only when they lead to a web page: http or https, a host. */
public final class WebLinks {
  private WebLinks() {}

  /** {@code href} resolved against {@code base}, or null when it is empty or not a web link. */
  public static @Nullable URI resolve(URI base, @Nullable String href) {
    if (href == null || href.isEmpty()) {
      return null;
    }
    try {
      return web(base.resolve(href));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code href} as it stands (already absolute), or null when it is empty or not a web link. */
  public static @Nullable URI parse(String href) {
    if (href.isEmpty()) {
      return null;
    }
    try {
      return web(new URI(href));
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static @Nullable URI web(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null ? url : null;
  }
}
