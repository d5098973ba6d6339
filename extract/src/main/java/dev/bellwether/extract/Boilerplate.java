package dev.bellwether.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Page furniture inside the chosen article block, recognized by the words of its class, id and
 * {@code itemprop} rather than by substrings: names are split into words at hyphens, underscores,
 * digits and lower-to-upper case changes ({@code author-bio__text}, {@code postMetadata}), so that
 * {@code update} is not {@code date} and {@code contentheader} is not {@code tent}. A block is
 * furniture when one of its words names something that is never the article's own text: a caption
 * or photo credit, a byline or author box, post metadata (dates, tags, categories, ratings),
 * related or recommended stories, sharing, comments, newsletter and subscription boxes, paywalls,
 * calls to action, copyright lines. Figure captions ({@code <figcaption>}) and {@code <time>}
 * elements are furniture by their tag.
 *
 * <p>Only small blocks go: one holding a large share of the article's text is kept whatever its
 * names say (sites call their whole story {@code teaser-body} or {@code post-meta-wrap}).
 */
final class Boilerplate {
  private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}]+|(?<=\\p{Ll})(?=\\p{Lu})");

  /** Words of class names that mark a block as not the article's own text. */
  private static final Set<String> FURNITURE =
      Set.of(
          "caption",
          "captions",
          "figcaption",
          "credit",
          "credits",
          "copyright",
          "byline",
          "bylines",
          "author",
          "authors",
          "autor",
          "bio",
          "avatar",
          "postmetadata",
          "metadata",
          "meta",
          "timestamp",
          "date",
          "tags",
          "tagcloud",
          "categories",
          "category",
          "related",
          "recommended",
          "recommendations",
          "recommendation",
          "teasers",
          "legend",
          "tweet",
          "licence",
          "license",
          "sitemap",
          "kommentar",
          "kommentare",
          "nextstory",
          "next",
          "prev",
          "previous",
          "share",
          "sharing",
          "social",
          "sharedaddy",
          "comment",
          "comments",
          "respond",
          "reply",
          "ratings",
          "rating",
          "vote",
          "voting",
          "newsletter",
          "subscribe",
          "subscription",
          "signup",
          "paywall",
          "payant",
          "cta",
          "callout",
          "promo",
          "promotion",
          "affiliate",
          "sponsored",
          "advert",
          "advertisement",
          "print",
          "breadcrumb",
          "breadcrumbs",
          "pagination",
          "pager",
          "toolbar",
          "tools",
          "utility",
          "disclaimer",
          "notice",
          "infobox",
          "sidebar",
          "footer");

  /** Tags that are furniture wherever they are. */
  private static final Set<String> FURNITURE_TAGS = Set.of("figcaption", "time");

  /** A block holding at least this share of the article's text is never furniture. */
  private static final double MAX_SHARE = 0.25;

  private Boilerplate() {}

  /** Removes the furniture inside {@code article}, never {@code article} itself. */
  static void remove(Element article) {
    int total = Math.max(1, article.text().length());
    List<Element> found = new ArrayList<>();
    for (Element e : article.select("*")) {
      if (e != article && !DataTables.inside(e) && furniture(e)) {
        found.add(e);
      }
    }
    for (Element e : found) {
      if (e.parent() != null && e.text().length() < MAX_SHARE * total) {
        e.remove();
      }
    }
  }

  static boolean furniture(Element e) {
    if (FURNITURE_TAGS.contains(e.normalName())) {
      return true;
    }
    return named(e.className())
        || named(e.id())
        || named(e.attr("itemprop"))
        || (e.normalName().indexOf('-') > 0 && named(e.normalName()));
  }

  private static boolean named(String names) {
    if (names.isEmpty()) {
      return false;
    }
    for (String word : WORD_BREAK.split(names)) {
      if (!word.isEmpty() && FURNITURE.contains(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
