package dev.bellwether.ingest.page;

import java.time.Instant;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/** An article's metadata from its page: JSON-LD, OpenGraph, {@code <meta>} and markup. */
record PageMetadata(
    String title,
    @Nullable String byline,
    @Nullable Instant published,
    @Nullable String siteName,
    @Nullable String canonicalUrl,
    @Nullable String language,
    @Nullable String leadImageUrl) {

  /** First version: the {@code <title>} only. To be replaced by real metadata reading. */
  static PageMetadata read(Document page) {
    return new PageMetadata(page.title(), null, null, null, null, null, null);
  }
}
