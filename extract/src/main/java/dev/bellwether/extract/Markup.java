package dev.bellwether.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Facts that a page states in its markup rather than in metadata: the language, the canonical URL,
 * times, and URLs made absolute against the page.
 */
final class Markup {
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
  private static final List<String> TIME_SELECTORS =
      List.of(
          "[itemprop=datePublished][datetime], [itemprop=datePublished][content]",
          "article time[datetime]",
          "time[pubdate][datetime]",
          "time[datetime]");

  private Markup() {}

  /** The page's language as a BCP 47 tag ({@code en_US} becomes {@code en-US}), if valid. */
  static Optional<String> language(String declared) {
    String tag = MetadataText.clean(declared).replace('_', '-');
    return LANGUAGE_TAG.matcher(tag).matches() ? Optional.of(tag) : Optional.empty();
  }

  static Optional<String> htmlLanguage(Document page) {
    Element html = page.selectFirst("html[lang]");
    Element equiv = page.selectFirst("meta[http-equiv~=(?i)content-language][content]");
    return Optional.ofNullable(html)
        .flatMap(e -> language(e.attr("lang")))
        .or(() -> Optional.ofNullable(equiv).flatMap(e -> language(e.attr("content"))));
  }

  static Optional<String> canonical(Document page) {
    Element link = page.selectFirst("link[rel~=(?i)^canonical$][href]");
    return link == null ? Optional.empty() : Optional.of(link.attr("href"));
  }

  /** The text of the first {@code <time>} or {@code datePublished} that says when. */
  static Optional<String> publishedTime(Document page) {
    for (String selector : TIME_SELECTORS) {
      for (Element time : page.select(selector)) {
        String value = time.hasAttr("datetime") ? time.attr("datetime") : time.attr("content");
        if (Dates.parse(value).isPresent()) {
          return Optional.of(value);
        }
      }
    }
    return Optional.empty();
  }

  static Optional<String> imageLink(Document page) {
    Element link = page.selectFirst("link[rel~=(?i)^image_src$][href]");
    return link == null ? Optional.empty() : Optional.of(link.attr("href"));
  }

  /** The URL resolved against the page's base (its {@code <base href>} or its own URL). */
  static Optional<String> absolute(String base, String url) {
    String trimmed = url.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("data:")) {
      return Optional.empty();
    }
    try {
      URI resolved = new URI(base).resolve(new URI(trimmed.replace(" ", "%20")));
      return resolved.isAbsolute() ? Optional.of(resolved.toString()) : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
