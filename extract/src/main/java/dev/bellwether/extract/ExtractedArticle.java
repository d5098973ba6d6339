package dev.bellwether.extract;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a page says, as an article.
 *
 * @param title the article's headline (not the site's name), possibly empty
 * @param text the main text, paragraphs separated by a blank line ({@code "\n\n"}); empty when the
 *     page has none
 * @param byline the author(s) as the page names them
 * @param published when the article was published
 * @param siteName the publication's name
 * @param canonicalUrl the page's canonical URL, absolute
 * @param language a BCP 47 tag such as {@code en} or {@code pt-BR}
 * @param leadImageUrl the article's main image, absolute
 * @param readerable whether the page is an article at all (not a listing, a video-only page, a
 *     login wall...)
 */
public record ExtractedArticle(
    String title,
    String text,
    @Nullable String byline,
    @Nullable Instant published,
    @Nullable String siteName,
    @Nullable String canonicalUrl,
    @Nullable String language,
    @Nullable String leadImageUrl,
    boolean readerable) {
  public ExtractedArticle {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
  }
}
