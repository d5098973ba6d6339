package dev.bellwether.ingest.page;

import dev.bellwether.extract.ExtractedArticle;
import java.time.Duration;
import java.util.Objects;

/** What fetching one item's page gave: its article, or why the feed's summary stands in. */
public sealed interface PageOutcome permits PageOutcome.Page, PageOutcome.Fallback {
  /** The time the item took, fetch and extraction. */
  Duration latency();

  /**
   * The page was read and is an article.
   *
   * @param bytes the page's size, decompressed
   */
  record Page(ExtractedArticle article, long bytes, Duration latency) implements PageOutcome {
    public Page {
      Objects.requireNonNull(article, "article");
    }
  }

  /** The page could not be used. */
  record Fallback(FallbackReason reason, Duration latency) implements PageOutcome {
    public Fallback {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
