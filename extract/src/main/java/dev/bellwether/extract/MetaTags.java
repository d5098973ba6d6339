package dev.bellwether.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page's {@code <meta>} values by key: OpenGraph and RDFa {@code property} (several keys
 * separated by spaces allowed), {@code name} and {@code itemprop}. Keys are lower case with {@code
 * .} read as {@code :}, so {@code DC.creator} and {@code dc:creator} are one key. A {@code
 * property} wins over a {@code name} for the same key; a key may have several values (several
 * authors), kept in page order.
 */
final class MetaTags {
  private final Map<String, List<String>> byProperty;
  private final Map<String, List<String>> byName;

  private MetaTags(Map<String, List<String>> byProperty, Map<String, List<String>> byName) {
    this.byProperty = byProperty;
    this.byName = byName;
  }

  static MetaTags of(Document page) {
    Map<String, List<String>> byProperty = new HashMap<>();
    Map<String, List<String>> byName = new HashMap<>();
    for (Element meta : page.select("meta[content]")) {
      String content = MetadataText.clean(meta.attr("content"));
      if (content.isEmpty()) {
        continue;
      }
      remember(byProperty, meta.attr("property"), content);
      remember(byName, meta.attr("name"), content);
      remember(byName, meta.attr("itemprop"), content);
    }
    return new MetaTags(byProperty, byName);
  }

  private static void remember(Map<String, List<String>> values, String keys, String content) {
    for (String key : keys.trim().split("\\s+")) {
      if (!key.isEmpty()) {
        values.computeIfAbsent(normalise(key), k -> new ArrayList<>()).add(content);
      }
    }
  }

  private static String normalise(String key) {
    return key.toLowerCase(Locale.ROOT).replace('.', ':');
  }

  /** The first value of the first of these keys the page has. */
  Optional<String> first(List<String> keys) {
    return keys.stream().flatMap(key -> values(key).stream()).findFirst();
  }

  /** Every value of one key, in page order: its {@code property} values, else its names. */
  List<String> values(String key) {
    String normal = normalise(key);
    return byProperty.getOrDefault(normal, byName.getOrDefault(normal, List.of()));
  }
}
