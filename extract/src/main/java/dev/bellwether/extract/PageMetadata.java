package dev.bellwether.extract;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * An article's metadata from its page. Each field comes from the first source that has it, in this
 * order: JSON-LD (schema.org), OpenGraph and other {@code <meta>}, then markup ({@code <html
 * lang>}, {@code <link rel=canonical>}, {@code <time>}, byline elements). URLs are absolute.
 *
 * @param title the headline without the site's name; empty when the page has none
 * @param byline the author or authors, as names, never a URL or a date
 * @param published when it was published, from the page's declared date
 * @param siteName the publication's name
 * @param canonicalUrl the page's canonical URL
 * @param language a BCP 47 tag such as {@code en} or {@code pt-BR}
 * @param leadImageUrl the article's main image
 */
record PageMetadata(
    String title,
    @Nullable String byline,
    @Nullable Instant published,
    @Nullable String siteName,
    @Nullable String canonicalUrl,
    @Nullable String language,
    @Nullable String leadImageUrl) {

  private static final List<String> SITE_KEYS =
      List.of("og:site_name", "application-name", "al:ios:app_name");
  private static final List<String> PUBLISHED_KEYS =
      List.of(
          "article:published_time",
          "og:published_time",
          "article:published",
          "parsely-pub-date",
          "sailthru:date",
          "dc:date",
          "dc:date:issued",
          "dcterm:created",
          "dcterms:created",
          "datepublished",
          "pubdate",
          "publishdate",
          "publish-date",
          "date");
  private static final List<String> IMAGE_KEYS =
      List.of(
          "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src");
  private static final List<String> LANGUAGE_KEYS =
      List.of("og:locale", "dc:language", "language", "content-language");

  /**
   * Reads the metadata of a page parsed with {@code url} as its base URI.
   *
   * @param url the page's URL; relative links in metadata resolve against it (or the page's {@code
   *     <base href>})
   */
  static PageMetadata read(Document page, URI url) {
    String base = page.baseUri().isEmpty() ? url.toString() : page.baseUri();
    MetaTags meta = MetaTags.of(page);
    JsonLd.Facts jsonLd = JsonLd.read(page);
    Optional<String> site = meta.first(SITE_KEYS).or(jsonLd::siteName);
    return new PageMetadata(
        Titles.find(page, meta, jsonLd, site),
        Bylines.find(page, meta, jsonLd).orElse(null),
        published(page, meta, jsonLd).orElse(null),
        site.orElse(null),
        Markup.canonical(page)
            .or(() -> meta.first(List.of("og:url")))
            .flatMap(u -> Markup.absolute(base, u))
            .orElse(null),
        language(page, meta, jsonLd).orElse(null),
        jsonLd
            .image()
            .or(() -> meta.first(IMAGE_KEYS))
            .or(() -> Markup.imageLink(page))
            .flatMap(u -> Markup.absolute(base, u))
            .orElse(null));
  }

  private static Optional<Instant> published(Document page, MetaTags meta, JsonLd.Facts jsonLd) {
    return jsonLd
        .published()
        .flatMap(Dates::parse)
        .or(
            () ->
                PUBLISHED_KEYS.stream()
                    .flatMap(k -> meta.values(k).stream())
                    .flatMap(d -> Dates.parse(d).stream())
                    .findFirst())
        .or(() -> Markup.publishedTime(page).flatMap(Dates::parse));
  }

  private static Optional<String> language(Document page, MetaTags meta, JsonLd.Facts jsonLd) {
    return Markup.htmlLanguage(page)
        .or(() -> jsonLd.language().flatMap(Markup::language))
        .or(() -> meta.first(LANGUAGE_KEYS).flatMap(Markup::language));
  }
}
