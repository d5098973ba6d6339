package dev.bellwether.ingest.feed;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an RSS or Atom feed, in our terms.
 *
 * @param guid the entry's GUID (RSS) or id (Atom), if it has one
 * @param link the absolute http(s) link to the article
 * @param title plain text, possibly empty
 * @param summary plain text: tags stripped, entities decoded, whitespace collapsed
 * @param published when the entry was published, or else last updated
 * @param attributes source-specific facts (form type, CIK, document number, media URL...)
 */
public record FeedEntry(
    @Nullable String guid,
    URI link,
    String title,
    @Nullable String summary,
    @Nullable Instant published,
    Map<String, String> attributes) {

  /** An entry without source-specific attributes. */
  public FeedEntry(
      @Nullable String guid,
      URI link,
      String title,
      @Nullable String summary,
      @Nullable Instant published) {
    this(guid, link, title, summary, published, Map.of());
  }

  public FeedEntry {
    attributes = Map.copyOf(attributes);
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(title, "title");
    if (!link.isAbsolute()) {
      throw new IllegalArgumentException("link must be absolute: " + link);
    }
  }
}
