package dev.bellwether.dashboard;

import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Escaping for server-rendered HTML. Every value that comes from an article, a feed or a request
 * passes through {@link #text} or {@link #attr} before it is written into a page; links to anything
 * but http(s) are not made.
 */
public final class Html {
  private Html() {}

  /** {@code value} as element content: {@code & < > " '} escaped. */
  public static String text(@Nullable String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String replacement =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (replacement != null || out != null) {
        if (out == null) {
          out = new StringBuilder(value.length() + 16).append(value, 0, i);
        }
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? value : out.toString();
  }

  /** {@code value} inside a double-quoted attribute: the same escapes as {@link #text}. */
  public static String attr(@Nullable String value) {
    return text(value);
  }

  /**
   * {@code url} if it is an absolute http or https URL, else null: a page links to nothing else (no
   * {@code javascript:}, {@code data:} or relative links from a feed).
   */
  public static @Nullable String safeHref(@Nullable String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme();
      if (scheme == null || uri.getHost() == null) {
        return null;
      }
      String s = scheme.toLowerCase(Locale.ROOT);
      return s.equals("http") || s.equals("https") ? uri.toString() : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }
}
