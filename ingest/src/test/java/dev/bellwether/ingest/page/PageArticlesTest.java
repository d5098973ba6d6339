package dev.bellwether.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.extract.ExtractedArticle;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.FeedItem;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageArticlesTest {
  private static final FeedItem ITEM =
      FeedItem.newBuilder()
          .setId("item-1")
          .setSourceId("wire")
          .setSourceType("rss")
          .setOutlet("Wire")
          .setUrl("https://wire.example/1")
          .setTitle("Feed title")
          .setDiscovered(Instant.parse("2026-11-29T00:00:00Z"))
          .build();

  /**
   * Issue 10: a page with a 1 MiB title and 5 MiB of text (under the 10 MiB body limit) must still
   * make an article that fits in one Kafka record, or its batch's transaction fails again and
   * again.
   */
  @Test
  void cutsAHugePageTitleAndTextSoTheArticleFitsInOneKafkaRecord() {
    ExtractedArticle page =
        new ExtractedArticle(
            "T".repeat(1024 * 1024),
            "word ".repeat(1024 * 1024),
            null,
            null,
            null,
            null,
            "en",
            null,
            true);

    Article article = PageArticles.fromPage(ITEM, page);

    assertThat(article.getTitle()).hasSize(PageArticles.MAX_TITLE_CHARS).endsWith("\u2026");
    assertThat(article.getText()).hasSize(PageArticles.MAX_TEXT_CHARS).endsWith("\u2026");
    assertThat(BellwetherSerdes.article().serialize("t", article).length).isLessThan(512 * 1024);
  }

  @Test
  void keepsAnOrdinaryPageAsItIs() {
    ExtractedArticle page =
        new ExtractedArticle("Page title", "Body text.", null, null, null, null, "en", null, true);

    Article article = PageArticles.fromPage(ITEM, page);

    assertThat(article.getTitle()).isEqualTo("Page title");
    assertThat(article.getText()).isEqualTo("Body text.");
  }
}
