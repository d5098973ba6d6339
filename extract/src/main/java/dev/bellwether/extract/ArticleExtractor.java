package dev.bellwether.extract;

import java.net.URI;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Extracts an article from its page: a pure function of the HTML and the page's URL (which resolves
 * relative links). Never throws for bad HTML; a page without an article comes back with {@code
 * readerable = false}. Thread-safe.
 *
 * <p>The HTML is text already decoded from the page's bytes; a byte order mark left at its start by
 * the decoding is ignored.
 */
public final class ArticleExtractor {
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  /**
   * Extracts the article of one page.
   *
   * @param html the page's HTML
   * @param url the page's URL, absolute; the base for relative links unless the page has a {@code
   *     <base href>}
   */
  public ExtractedArticle extract(String html, URI url) {
    Document page = parse(html, url);
    PageMetadata meta = PageMetadata.read(page, url);
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

  /** The page's document, as the extractor parses it. */
  static Document parse(String html, URI url) {
    String withoutMark =
        !html.isEmpty() && html.charAt(0) == BYTE_ORDER_MARK ? html.substring(1) : html;
    return Jsoup.parse(withoutMark, url.toString());
  }
}
