package dev.bellwether.ingest.feed;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads Microsoft's Channel Definition Format (1997): a {@code CHANNEL} with {@code ITEM}s whose
 * {@code HREF} is the link, {@code TITLE} and {@code ABSTRACT} the text, {@code LASTMOD} the date.
 * Element and attribute names are matched without regard to case, as CDF files vary.
 */
final class CdfReader {
  static final String FORMAT = "cdf";

  private CdfReader() {}

  static boolean isCdf(Element root) {
    return root.getName().equalsIgnoreCase("channel") && root.getNamespaceURI().isEmpty();
  }

  static List<FeedEntry> entries(Element channel, URI feedUrl) {
    URI home = EntryFields.absoluteHttp(feedUrl, attribute(channel, "href"));
    URI base = home != null ? home : feedUrl;
    List<FeedEntry> entries = new ArrayList<>();
    collect(channel, base, entries);
    return entries;
  }

  private static void collect(Element parent, URI base, List<FeedEntry> entries) {
    for (Element child : parent.getChildren()) {
      String name = child.getName().toLowerCase(Locale.ROOT);
      if (name.equals("channel")) {
        collect(child, base, entries);
      } else if (name.equals("item")) {
        FeedEntry entry = entry(child, base);
        if (entry != null) {
          entries.add(entry);
        }
      }
    }
  }

  private static @Nullable FeedEntry entry(Element item, URI base) {
    URI link = EntryFields.absoluteHttp(base, attribute(item, "href"));
    if (link == null) {
      return null;
    }
    String title = PlainText.of(childText(item, "title"));
    return new FeedEntry(
        null,
        link,
        title == null ? "" : title,
        EntryFields.capSummary(PlainText.of(childText(item, "abstract"))),
        date(attribute(item, "lastmod")));
  }

  private static @Nullable String attribute(Element element, String name) {
    return element.getAttributes().stream()
        .filter(a -> a.getName().equalsIgnoreCase(name))
        .map(a -> a.getValue())
        .findFirst()
        .orElse(null);
  }

  private static @Nullable String childText(Element element, String name) {
    return element.getChildren().stream()
        .filter(c -> c.getName().equalsIgnoreCase(name))
        .map(Element::getText)
        .findFirst()
        .orElse(null);
  }

  /** CDF dates are ISO 8601, usually without a zone (taken as UTC). */
  private static @Nullable Instant date(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
