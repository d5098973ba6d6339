package dev.bellwether.ingest.page;

import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.FeedItem;
import dev.bellwether.schemas.avro.TextOrigin;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Makes the {@link Article} of an item from what its page gave: the page's text and metadata, with
 * the feed's title and date where the page has none; or, when the page could not be used, the
 * feed's title and summary with the reason.
 */
public final class PageArticles {
  private PageArticles() {}

  public static Article toArticle(FeedItem item, PageOutcome outcome) {
    if (outcome instanceof PageOutcome.Page page) {
      return fromPage(item, page.article());
    }
    return fromFeedSummary(item, ((PageOutcome.Fallback) outcome).reason());
  }

  static Article fromPage(FeedItem item, ExtractedArticle page) {
    return feedFields(item)
        .setTitle(page.title().isBlank() ? item.getTitle() : page.title().strip())
        .setText(page.text())
        .setPublished(page.published() == null ? item.getPublished() : millis(page.published()))
        .setCanonicalUrl(page.canonicalUrl())
        .setByline(page.byline())
        .setLanguage(page.language())
        .setTextOrigin(TextOrigin.PAGE)
        .build();
  }

  static Article fromFeedSummary(FeedItem item, FallbackReason reason) {
    return feedFields(item)
        .setTitle(item.getTitle())
        .setText(item.getSummary() == null ? "" : item.getSummary())
        .setPublished(item.getPublished())
        .setTextOrigin(TextOrigin.FEED_SUMMARY)
        .setFallbackReason(reason.sentence())
        .build();
  }

  private static Article.Builder feedFields(FeedItem item) {
    return Article.newBuilder()
        .setId(item.getId())
        .setSourceId(item.getSourceId())
        .setOutlet(item.getOutlet())
        .setUrl(item.getUrl())
        .setDiscovered(item.getDiscovered());
  }

  /** Avro keeps milliseconds; truncating here keeps a record equal to its decoded copy. */
  private static Instant millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
