package dev.bellwether.ingest.html;

import dev.bellwether.extract.PageDecoding;
import dev.bellwether.ingest.feed.FeedEntry;
import dev.bellwether.ingest.feed.FeedParseException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;
import org.jspecify.annotations.Nullable;

/**
 * Finds the items of a listing page with {@link ListingSelectors}: one entry per item that has an
 * http(s) link, links resolved against the page (or its {@code <base>}), at most {@link #MAX_ITEMS}
 * entries, the first of several items with the same link kept. Thread-safe.
 */
public final class HtmlListingParser {
  /** The most entries read from one page. */
  public static final int MAX_ITEMS = 200;

  private HtmlListingParser() {}

  /**
   * The entries of the page.
   *
   * @param contentType the response's {@code Content-Type}; its charset, if any, decodes the body,
   *     else the page's own declaration or UTF-8
   * @throws FeedParseException if a selector is invalid, the page cannot be decoded, or the
   *     selectors find no item with a link: a listing page always lists something, so an empty
   *     result means the page changed (or is not the listing) and the message says which selector
   *     found nothing
   */
  public static List<FeedEntry> parse(
      byte[] body, @Nullable String contentType, URI pageUrl, ListingSelectors selectors) {
    Document page = read(body, contentType, pageUrl);
    List<FeedEntry> entries = new ArrayList<>();
    Set<URI> seen = new HashSet<>();
    List<Element> items = select(page, selectors.item());
    for (Element item : items) {
      FeedEntry entry = entry(item, selectors);
      if (entry != null && seen.add(entry.link())) {
        entries.add(entry);
      }
      if (entries.size() == MAX_ITEMS) {
        break;
      }
    }
    if (entries.isEmpty()) {
      throw new FeedParseException(nothingFound(items, selectors), null);
    }
    return entries;
  }

  private static String nothingFound(List<Element> items, ListingSelectors selectors) {
    if (items.isEmpty()) {
      return "The item selector '" + selectors.item() + "' matched nothing on the page.";
    }
    long withLink = items.stream().filter(item -> first(item, selectors.link()) != null).count();
    return withLink == 0
        ? "The item selector '"
            + selectors.item()
            + "' matched "
            + items.size()
            + " elements, but the link selector '"
            + selectors.link()
            + "' matched nothing inside them."
        : "The link selector '"
            + selectors.link()
            + "' matched in "
            + withLink
            + " items, but none had an http(s) href.";
  }

  private static @Nullable FeedEntry entry(Element item, ListingSelectors selectors) {
    Element link = first(item, selectors.link());
    URI url = link == null ? null : httpUrl(link.absUrl("href"));
    if (url == null) {
      return null;
    }
    Element titled = selectors.title() == null ? null : first(item, selectors.title());
    String title = titled == null || titled.text().isBlank() ? link.text() : titled.text();
    return new FeedEntry(null, url, title.trim(), null, date(item, selectors.date()));
  }

  private static @Nullable Instant date(Element item, @Nullable String selector) {
    Element element = selector == null ? null : first(item, selector);
    if (element == null) {
      return null;
    }
    String value = element.hasAttr("datetime") ? element.attr("datetime") : element.text();
    return ListingDates.parse(value);
  }

  private static @Nullable URI httpUrl(String href) {
    return dev.bellwether.ingest.identity.WebLinks.parse(href); // empty: no href, or unresolved
  }

  private static List<Element> select(Element root, String css) {
    try {
      return root.select(css);
    } catch (Selector.SelectorParseException e) {
      throw new FeedParseException("The selector '" + css + "' is not valid CSS.", e);
    }
  }

  private static @Nullable Element first(Element root, String css) {
    try {
      return root.selectFirst(css);
    } catch (Selector.SelectorParseException e) {
      throw new FeedParseException("The selector '" + css + "' is not valid CSS.", e);
    }
  }

  /** The page as every HTML reader in Bellwether decodes it ({@link PageDecoding}). */
  private static Document read(byte[] body, @Nullable String contentType, URI pageUrl) {
    return Jsoup.parse(PageDecoding.decode(body, contentType).text(), pageUrl.toString());
  }
}
