package dev.bellwether.ingest.page;

import dev.bellwether.extract.ExtractedArticle;
import dev.bellwether.ingest.feed.TextCut;
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
  /**
   * The longest page title kept; a longer one is cut with an ellipsis. With {@link #MAX_TEXT_CHARS}
   * this keeps an article well under Kafka's 1 MiB record limit, which a 10 MiB page would
   * otherwise exceed, failing its batch's transaction again and again (issue 10).
   */
  static final int MAX_TITLE_CHARS = 1024;

  /** The longest article text kept (far beyond any news article); a longer one is cut. */
  static final int MAX_TEXT_CHARS = 100_000;

  private PageArticles() {}

  public static Article toArticle(FeedItem item, PageOutcome outcome) {
    if (outcome instanceof PageOutcome.Page page) {
      return fromPage(item, page.article());
    }
    return fromFeedSummary(item, ((PageOutcome.Fallback) outcome).reason());
  }

  static Article fromPage(FeedItem item, ExtractedArticle page) {
    return feedFields(item)
        .setTitle(
            TextCut.toLength(
                page.title().isBlank() ? item.getTitle() : page.title().strip(), MAX_TITLE_CHARS))
        .setText(TextCut.toLength(page.text(), MAX_TEXT_CHARS))
        .setPublished(page.published() == null ? item.getPublished() : millis(page.published()))
        .setCanonicalUrl(page.canonicalUrl())
        .setByline(page.byline())
        .setLanguage(page.language())
        .setTextOrigin(TextOrigin.PAGE)
        .build();
  }

  static Article fromFeedSummary(FeedItem item, FallbackReason reason) {
    return feedFields(item)
        .setTitle(TextCut.toLength(item.getTitle(), MAX_TITLE_CHARS))
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
