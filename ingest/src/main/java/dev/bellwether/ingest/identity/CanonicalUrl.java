package dev.bellwether.ingest.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The form of an article URL used as its identity, so the same article linked with different
 * tracking parameters, in different case or from two feeds is recognised as one.
 *
 * <p>Rules, deliberately conservative (two URLs that may be different pages stay different):
 *
 * <ul>
 *   <li>http and https are the same identity: the canonical form always says {@code https};
 *   <li>the host is lower-cased and loses a trailing dot; the default port (80 for http, 443 for
 *       https) is dropped, other ports are kept;
 *   <li>user info and the fragment are dropped;
 *   <li>the path keeps its case; dot segments ({@code /./}, {@code /../}) are resolved, an empty
 *       path becomes {@code /}, percent escapes get upper-case hex digits; a trailing slash or
 *       {@code index.html} is kept, since servers differ on whether they mean the same page;
 *   <li>query parameters named {@code utm_*} or {@code pk_*}, or in {@link #TRACKING}, are removed
 *       (names compared without case); the rest are sorted, values untouched.
 * </ul>
 */
public final class CanonicalUrl {
  /** Query parameter names that only say who shared or clicked a link, never which page. */
  public static final Set<String> TRACKING =
      Set.of(
          "fbclid",
          "gclid",
          "dclid",
          "gbraid",
          "wbraid",
          "msclkid",
          "yclid",
          "twclid",
          "igshid",
          "mc_cid",
          "mc_eid",
          "ref",
          "ref_src",
          "ref_url",
          "cmpid",
          "ocid",
          "guccounter",
          "guce_referrer",
          "guce_referrer_sig",
          "sr_share",
          "smid",
          "smtyp",
          "_hsenc",
          "_hsmi",
          "mkt_tok",
          "vero_id",
          "oly_enc_id",
          "oly_anon_id",
          "__twitter_impression");

  private static final List<String> TRACKING_PREFIXES = List.of("utm_", "pk_");

  private CanonicalUrl() {}

  /** The canonical form of {@code url}, or empty if it is not an http(s) URL with a host. */
  public static Optional<String> of(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost();
    if (!(scheme.equals("http") || scheme.equals("https")) || host == null || host.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder canonical = new StringBuilder("https://").append(host(host));
    if (url.getPort() >= 0 && url.getPort() != defaultPort(scheme)) {
      canonical.append(':').append(url.getPort());
    }
    canonical.append(path(url));
    String query = query(url.getRawQuery());
    if (!query.isEmpty()) {
      canonical.append('?').append(query);
    }
    return Optional.of(canonical.toString());
  }

  /** Whether {@code name} is a tracking parameter that {@link #of} removes. */
  public static boolean isTracking(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return TRACKING.contains(lower) || TRACKING_PREFIXES.stream().anyMatch(lower::startsWith);
  }

  private static String host(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private static int defaultPort(String scheme) {
    return scheme.equals("http") ? 80 : 443;
  }

  private static String path(URI url) {
    String raw = url.getRawPath();
    if (raw == null || raw.isEmpty()) {
      return "/";
    }
    String normalised = raw;
    try {
      normalised = new URI(raw).normalize().getRawPath();
    } catch (URISyntaxException e) {
      // keep the raw path: it came out of a parsed URI, so this does not happen in practice
    }
    if (normalised == null || !normalised.startsWith("/")) {
      normalised = "/" + (normalised == null ? "" : normalised);
    }
    while (normalised.startsWith("/../")) {
      normalised = normalised.substring(3);
    }
    return upperHex(normalised.equals("/..") ? "/" : normalised);
  }

  /** {@code %2f} and {@code %2F} are the same escape. */
  private static String upperHex(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c);
      if (c == '%' && i + 2 < s.length()) {
        out.append(s.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
        i += 2;
      }
    }
    return out.toString();
  }

  private static String query(@Nullable String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String parameter : raw.split("&")) {
      int equals = parameter.indexOf('=');
      String name = equals < 0 ? parameter : parameter.substring(0, equals);
      if (!parameter.isEmpty() && !isTracking(name)) {
        kept.add(parameter);
      }
    }
    kept.sort(null);
    return String.join("&", kept);
  }
}
