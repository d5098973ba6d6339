package dev.bellwether.extract;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What an element's class, id and role say about it: article-like names ({@code article}, {@code
 * content}, {@code post}, {@code story}...) raise its weight, page furniture ({@code comment},
 * {@code sidebar}, {@code footer}, {@code share}, {@code related}, {@code promo}, {@code
 * cookie}...) lowers it, and some names mark a block as almost surely not the article.
 */
final class ClassHints {
  /** Names of blocks that are almost never the article, removed before scoring. */
  private static final Pattern UNLIKELY =
      Pattern.compile(
          "-ad-|ad-break|agegate|ai2html|banner|breadcrumb|combx|comment|communit|consent"
              + "|cookie|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|newsletter"
              + "|pager|pagination|popup|related|remark|replies|rss|shoutbox|sidebar|skyscraper"
              + "|social|sponsor|supplemental|yom-remote");

  /** Names that rescue an unlikely-looking block because they also say "this is content". */
  private static final Pattern RESCUE =
      Pattern.compile("article|body|column|content|main|mathjax|shadow|story");

  private static final Pattern NEGATIVE =
      Pattern.compile(
          "-ad-|^hid$| hid$| hid |^hid |hidden|banner|combx|comment|com-|contact|cookie|footer"
              + "|gdpr|masthead|media|meta|newsletter|outbrain|promo|related|scroll|share"
              + "|shoutbox|sidebar|skyscraper|sponsor|shopping|subscri|tags|widget");

  private static final Pattern POSITIVE =
      Pattern.compile(
          "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story");

  private static final Pattern SHARE = Pattern.compile("(\\b|_)(share|sharedaddy)(\\b|_)");

  private static final Set<String> FURNITURE_ROLES =
      Set.of("menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog");

  private ClassHints() {}

  /** Class and id together, lower-cased, for matching. */
  static String names(Element e) {
    return (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
  }

  static boolean unlikely(Element e) {
    String names = names(e);
    return UNLIKELY.matcher(names).find() && !RESCUE.matcher(names).find();
  }

  static boolean furnitureRole(Element e) {
    return FURNITURE_ROLES.contains(e.attr("role").toLowerCase(Locale.ROOT));
  }

  static boolean share(Element e) {
    return SHARE.matcher(names(e)).find();
  }

  /** +25 or -25 for the class and again for the id, by what their names say. */
  static int weight(Element e) {
    return weightOf(e.className().toLowerCase(Locale.ROOT))
        + weightOf(e.id().toLowerCase(Locale.ROOT));
  }

  private static int weightOf(String name) {
    if (name.isEmpty()) {
      return 0;
    }
    int weight = 0;
    if (NEGATIVE.matcher(name).find()) {
      weight -= 25;
    }
    if (POSITIVE.matcher(name).find()) {
      weight += 25;
    }
    return weight;
  }
}
