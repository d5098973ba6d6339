package dev.bellwether.processors.article;

import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.FeedItem;
import dev.bellwether.schemas.avro.TextOrigin;

/**
 * Makes an article from what the feed itself says: its title and summary. The page fetcher on the
 * ingest side will replace this with the full page text; until then this keeps the flow whole.
 */
public final class FeedSummaryArticles {
  private FeedSummaryArticles() {}

  public static Article fromFeedItem(FeedItem item) {
    return Article.newBuilder()
        .setId(item.getId())
        .setSourceId(item.getSourceId())
        .setOutlet(item.getOutlet())
        .setUrl(item.getUrl())
        .setTitle(item.getTitle())
        .setText(item.getSummary() == null ? "" : item.getSummary())
        .setPublished(item.getPublished())
        .setDiscovered(item.getDiscovered())
        .setTextOrigin(TextOrigin.FEED_SUMMARY)
        .build();
  }
}
