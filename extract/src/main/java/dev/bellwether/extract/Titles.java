package dev.bellwether.extract;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds an article's headline: the JSON-LD headline or a title {@code <meta>} (Dublin Core,
 * OpenGraph, Twitter, Parse.ly), else the {@code <title>} without the site's name, else the first
 * {@code <h1>}. The site's part of a title ({@code "Headline | Site"}, {@code "Site - Headline"})
 * is removed when it names the site, or, for a {@code <title>}, when it looks like a site's name: a
 * short part beside a longer one that is not one of the page's headings.
 */
final class Titles {
  private static final List<String> TITLE_KEYS =
      List.of("dc:title", "dcterm:title", "og:title", "twitter:title", "parsely-title", "title");
  private static final Pattern SEPARATOR = Pattern.compile(" (?:[|\\-–—·»/\\\\]|::) |: ");
  private static final String COLON = ": ";
  private static final int SITE_NAME_MAX_WORDS = 4;
  private static final int HEADLINE_MIN_WORDS = 3;

  private Titles() {}

  static String find(Document page, MetaTags meta, JsonLd.Facts jsonLd, Optional<String> site) {
    Optional<String> declared =
        closestTo(documentTitle(page), notSiteNames(jsonLd.titles(), site))
            .or(() -> meta.first(TITLE_KEYS));
    if (declared.isPresent()) {
      return withoutSiteName(declared.get(), site);
    }
    String title = documentTitle(page);
    if (!title.isEmpty()) {
      return withoutSitePart(title, site, page);
    }
    Element h1 = page.selectFirst("h1");
    return h1 == null ? "" : MetadataText.clean(h1.text());
  }

  private static List<String> notSiteNames(List<String> titles, Optional<String> site) {
    return titles.stream().filter(t -> site.isEmpty() || !namesSite(t, site.get())).toList();
  }

  private static String documentTitle(Document page) {
    Element title = page.selectFirst("title");
    return title == null ? "" : MetadataText.clean(title.text());
  }

  /**
   * Of several titles (JSON-LD's {@code headline} and {@code name} sometimes differ: one may be the
   * site's name or a summary), the one sharing most words with the page's {@code <title>}.
   */
  private static Optional<String> closestTo(String title, List<String> candidates) {
    Set<String> words = wordsOf(title);
    return candidates.stream()
        .max(Comparator.comparingDouble(candidate -> overlap(wordsOf(candidate), words)));
  }

  private static double overlap(Set<String> candidate, Set<String> title) {
    if (candidate.isEmpty()) {
      return 0;
    }
    return candidate.stream().filter(title::contains).count() / (double) candidate.size();
  }

  private static Set<String> wordsOf(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(word -> !word.isEmpty())
        .collect(Collectors.toSet());
  }

  /** A declared title less a leading or trailing part that is the site's name. */
  static String withoutSiteName(String title, Optional<String> site) {
    List<String> parts = split(title);
    if (parts.size() < 2 || site.isEmpty()) {
      return title;
    }
    if (namesSite(parts.get(parts.size() - 1), site.get())) {
      return String.join("", parts.subList(0, parts.size() - 2));
    }
    if (namesSite(parts.get(0), site.get())) {
      return String.join("", parts.subList(2, parts.size()));
    }
    return title;
  }

  private static String withoutSitePart(String title, Optional<String> site, Document page) {
    String cleaned = withoutSiteName(title, site);
    if (!cleaned.equals(title) || isHeading(title, page)) {
      return cleaned;
    }
    List<String> parts = split(title);
    if (parts.size() < 2) {
      return title;
    }
    String last = parts.get(parts.size() - 1);
    if (parts.get(parts.size() - 2).equals(COLON)) {
      return title;
    }
    String rest = String.join("", parts.subList(0, parts.size() - 2));
    if (MetadataText.words(last) <= SITE_NAME_MAX_WORDS
        && MetadataText.words(rest) >= HEADLINE_MIN_WORDS) {
      return rest;
    }
    return title;
  }

  private static boolean isHeading(String title, Document page) {
    return page.select("h1, h2").stream().anyMatch(h -> MetadataText.clean(h.text()).equals(title));
  }

  /** The title's parts with the separators between them: part, separator, part... */
  private static List<String> split(String title) {
    List<String> parts = new java.util.ArrayList<>();
    Matcher separator = SEPARATOR.matcher(title);
    int start = 0;
    while (separator.find()) {
      parts.add(title.substring(start, separator.start()));
      parts.add(separator.group());
      start = separator.end();
    }
    parts.add(title.substring(start));
    return parts;
  }

  private static boolean namesSite(String part, String site) {
    String a = key(part);
    String b = key(site);
    return !a.isEmpty() && !b.isEmpty() && (a.equals(b) || a.startsWith(b) || b.startsWith(a));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
