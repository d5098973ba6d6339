package dev.bellwether.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdom2.Element;
import org.jspecify.annotations.Nullable;

/**
 * Converts Rome's entries into ours, with the Media RSS and iTunes facts a news item may carry
 * ({@code media.url}, {@code media.type}, {@code media.thumbnail}, {@code itunes.duration}, {@code
 * itunes.author}) as attributes. Entries without a usable http(s) link are skipped.
 */
final class SyndEntries {
  static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";
  static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
  private static final int MAX_ATTRIBUTE_CHARS = 2048;

  private SyndEntries() {}

  static List<FeedEntry> of(SyndFeed feed, URI feedUrl) {
    URI base = base(feed, feedUrl);
    List<FeedEntry> entries = new ArrayList<>();
    for (SyndEntry entry : feed.getEntries()) {
      URI link = link(entry, base);
      if (link != null) {
        entries.add(
            new FeedEntry(
                blankToNull(entry.getUri()),
                link,
                title(entry),
                summary(entry),
                published(entry),
                attributes(entry, base)));
      }
    }
    return entries;
  }

  private static URI base(SyndFeed feed, URI feedUrl) {
    URI link = EntryFields.absoluteHttp(feedUrl, feed.getLink());
    return link != null ? link : feedUrl;
  }

  private static @Nullable URI link(SyndEntry entry, URI base) {
    URI link = EntryFields.absoluteHttp(base, entry.getLink());
    if (link != null) {
      return link;
    }
    for (SyndLink candidate : entry.getLinks()) {
      String rel = candidate.getRel();
      link =
          rel == null || rel.equals("alternate")
              ? EntryFields.absoluteHttp(base, candidate.getHref())
              : null;
      if (link != null) {
        return link;
      }
    }
    return EntryFields.absoluteHttp(base, entry.getUri());
  }

  private static String title(SyndEntry entry) {
    String title = PlainText.of(entry.getTitle());
    return title == null ? "" : title;
  }

  private static @Nullable String summary(SyndEntry entry) {
    String summary = PlainText.of(value(entry.getDescription()));
    if (summary == null) {
      for (SyndContent content : entry.getContents()) {
        summary = summary == null ? PlainText.of(value(content)) : summary;
      }
    }
    return EntryFields.capSummary(summary);
  }

  private static @Nullable String value(@Nullable SyndContent content) {
    return content == null ? null : content.getValue();
  }

  private static @Nullable Instant published(SyndEntry entry) {
    Date date =
        entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    return date == null ? null : date.toInstant();
  }

  private static Map<String, String> attributes(SyndEntry entry, URI base) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Element element : entry.getForeignMarkup()) {
      addMedia(attributes, element, base);
      addItunes(attributes, element);
    }
    for (SyndEnclosure enclosure : entry.getEnclosures()) {
      URI url = EntryFields.absoluteHttp(base, enclosure.getUrl());
      if (url != null && !attributes.containsKey("media.url")) {
        put(attributes, "media.url", url.toString());
        put(attributes, "media.type", enclosure.getType());
      }
    }
    return attributes;
  }

  private static void addMedia(Map<String, String> attributes, Element element, URI base) {
    if (!MEDIA_RSS.equals(element.getNamespaceURI())) {
      return;
    }
    switch (element.getName()) {
      case "group" -> element.getChildren().forEach(child -> addMedia(attributes, child, base));
      case "content" -> {
        URI url = EntryFields.absoluteHttp(base, element.getAttributeValue("url"));
        if (url != null && !attributes.containsKey("media.url")) {
          put(attributes, "media.url", url.toString());
          put(attributes, "media.type", element.getAttributeValue("type"));
        }
        element.getChildren().forEach(child -> addMedia(attributes, child, base));
      }
      case "thumbnail" -> {
        URI url = EntryFields.absoluteHttp(base, element.getAttributeValue("url"));
        if (url != null && !attributes.containsKey("media.thumbnail")) {
          put(attributes, "media.thumbnail", url.toString());
        }
      }
      default -> {}
    }
  }

  private static void addItunes(Map<String, String> attributes, Element element) {
    if (ITUNES.equals(element.getNamespaceURI())
        && (element.getName().equals("duration") || element.getName().equals("author"))) {
      put(attributes, "itunes." + element.getName(), element.getTextNormalize());
    }
  }

  private static void put(Map<String, String> attributes, String key, @Nullable String value) {
    if (value != null && !value.isBlank() && value.length() <= MAX_ATTRIBUTE_CHARS) {
      attributes.putIfAbsent(key, value.strip());
    }
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
