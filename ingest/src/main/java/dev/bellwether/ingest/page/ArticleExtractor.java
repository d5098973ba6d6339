package dev.bellwether.ingest.page;

import java.net.URI;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Extracts an article from its page: a pure function of the HTML and the page's URL (which resolves
 * relative links). Never throws for bad HTML; a page without an article comes back with {@code
 * readerable = false}. Thread-safe.
 */
public final class ArticleExtractor {

  public ExtractedArticle extract(String html, URI url) {
    Document page = Jsoup.parse(html, url.toString());
    PageMetadata meta = PageMetadata.read(page);
    MainText.Result main = MainText.extract(page);
    return new ExtractedArticle(
        meta.title(),
        main.text(),
        meta.byline(),
        meta.published(),
        meta.siteName(),
        meta.canonicalUrl(),
        meta.language(),
        meta.leadImageUrl(),
        main.readerable());
  }
}
