package dev.bellwether.ingest.feed;

import static dev.bellwether.ingest.feed.IsoTimes.instant;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads JSON Feed 1.0 and 1.1 (jsonfeed.org) into our entries. */
final class JsonFeedReader {
  private static final String VERSION_PREFIX = "https://jsonfeed.org/version/";
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

  private JsonFeedReader() {}

  /**
   * The feed in {@code json}.
   *
   * @throws FeedParseException if it is not JSON, or not a JSON Feed
   */
  static ParsedFeed read(String json, String charset, URI feedUrl, List<String> problems) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new FeedParseException("The document is not well-formed JSON" + where + ".", e);
    }
    String version = root == null ? "" : root.path("version").asText("");
    if (!version.startsWith(VERSION_PREFIX) || !root.path("items").isArray()) {
      throw new FeedParseException(
          "The document is JSON but not a JSON Feed (no jsonfeed.org version and items).", null);
    }
    URI base = base(root, feedUrl);
    List<FeedEntry> entries = new ArrayList<>();
    for (JsonNode item : root.path("items")) {
      FeedEntry entry = entry(item, base);
      if (entry != null) {
        entries.add(entry);
      }
    }
    String format = "json_feed_" + version.substring(VERSION_PREFIX.length());
    return new ParsedFeed(format, charset, entries, problems);
  }

  private static URI base(JsonNode root, URI feedUrl) {
    URI home = EntryFields.absoluteHttp(feedUrl, text(root, "home_page_url"));
    return home != null ? home : feedUrl;
  }

  private static @Nullable FeedEntry entry(JsonNode item, URI base) {
    URI link = EntryFields.absoluteHttp(base, text(item, "url"));
    link = link != null ? link : EntryFields.absoluteHttp(base, text(item, "external_url"));
    String id = text(item, "id");
    boolean idIsUrl = id != null && id.regionMatches(true, 0, "http", 0, 4);
    link = link != null || !idIsUrl ? link : EntryFields.absoluteHttp(base, id);
    if (link == null) {
      return null;
    }
    String title = PlainText.of(text(item, "title"));
    String summary = PlainText.of(text(item, "summary"));
    summary = summary != null ? summary : PlainText.of(text(item, "content_text"));
    summary = summary != null ? summary : PlainText.of(text(item, "content_html"));
    Instant published = instant(text(item, "date_published"));
    published = published != null ? published : instant(text(item, "date_modified"));
    return new FeedEntry(
        id,
        link,
        title == null ? "" : title,
        EntryFields.capSummary(summary),
        published,
        attributes(item, base));
  }

  private static Map<String, String> attributes(JsonNode item, URI base) {
    Map<String, String> attributes = new LinkedHashMap<>();
    JsonNode attachment = item.path("attachments").path(0);
    URI url = EntryFields.absoluteHttp(base, text(attachment, "url"));
    if (url != null) {
      attributes.put("media.url", url.toString());
      String type = text(attachment, "mime_type");
      if (type != null) {
        attributes.put("media.type", type);
      }
    }
    URI image = EntryFields.absoluteHttp(base, text(item, "image"));
    if (image != null) {
      attributes.put("media.thumbnail", image.toString());
    }
    return attributes;
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !(value.isTextual() || value.isNumber())) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }
}
