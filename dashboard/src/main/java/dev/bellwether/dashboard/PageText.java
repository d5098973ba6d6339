package dev.bellwether.dashboard;

import dev.bellwether.schemas.FactValues;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How values read on the dashboard's pages: times, event type and fact labels, shortened links.
 * Plain text only; the templates ({@code src/main/jte}) escape whatever they write.
 */
final class PageText {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private PageText() {}

  /** {@code 2026-11-20 14:05 UTC}. */
  static String time(Instant t) {
    return TIME.format(t);
  }

  /** An enum constant's name in lower case, as CSS classes and badges show it. */
  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  static String typeLabel(String type) {
    return switch (type) {
      case "FUNDING" -> "funding";
      case "EXPORT_CONTROL" -> "export control";
      case "PARTNERSHIP" -> "partnership";
      case "ACQUISITION" -> "acquisition";
      case "IPO" -> "IPO";
      default -> type.toLowerCase(Locale.ROOT);
    };
  }

  /** {@code 1 alert}, {@code 3 sources}. */
  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** The facts worth showing, label to shown value: known facts first, in their usual order. */
  static Map<String, String> factEntries(Map<String, String> facts) {
    Map<String, String> shown = new LinkedHashMap<>();
    FactValues.LABELS.forEach(
        (key, label) -> {
          String value = facts.get(key);
          if (value != null && !value.isBlank()) {
            shown.put(label, FactValues.show(key, value));
          }
        });
    new TreeMap<>(facts)
        .forEach(
            (key, value) -> {
              if (!FactValues.LABELS.containsKey(key) && !value.isBlank()) {
                shown.put(label(key), FactValues.show(key, value));
              }
            });
    return shown;
  }

  /** The facts on one line: {@code Amount: $6.6B · Valuation: $157B}. */
  static String factLine(Map<String, String> facts) {
    List<String> parts =
        factEntries(facts).entrySet().stream().map(f -> f.getKey() + ": " + f.getValue()).toList();
    return String.join(" · ", parts);
  }

  /**
   * A fact's label: its known label, else its key in words ({@code round_size} is "Round size").
   */
  static String label(String fact) {
    String known = FactValues.LABELS.get(fact);
    if (known != null) {
      return known;
    }
    String words = fact.replace("_usd", "").replace('_', ' ');
    return words.isEmpty() ? fact : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** {@code map} in key order. */
  static Map<String, String> byKey(Map<String, String> map) {
    return new TreeMap<>(map);
  }

  static String shorten(String url) {
    return url.length() <= 90 ? url : url.substring(0, 89) + "…";
  }

  /** {@code value} for a URL's path or query: UTF-8 percent-encoded, spaces as {@code %20}. */
  static String urlPart(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * {@code url} if it is an absolute http or https URL, else null: a page links to nothing else (no
   * {@code javascript:}, {@code data:} or relative links from a feed).
   */
  static @Nullable String safeHref(@Nullable String url) {
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
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
