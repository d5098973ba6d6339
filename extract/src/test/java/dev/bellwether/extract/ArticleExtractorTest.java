package dev.bellwether.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {
  private static final URI URL = URI.create("https://news.example/section/page.html");
  private final ArticleExtractor extractor = new ArticleExtractor();

  private static String decoded(String fixture, String charset) {
    try (InputStream in =
        ArticleExtractorTest.class.getResourceAsStream("/fixtures/pages/meta/" + fixture)) {
      return new String(in.readAllBytes(), Charset.forName(charset));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void keepsAccentsOfWindows1252PageDecodedByCaller() {
    ExtractedArticle article = extractor.extract(decoded("windows-1252.html", "windows-1252"), URL);

    assertThat(article.title()).isEqualTo("Café, crédit et IA : la levée de fonds d'Aléa");
    assertThat(article.byline()).isEqualTo("Hélène Müller");
    assertThat(article.language()).isEqualTo("fr");
    assertThat(article.text()).contains("Détails à venir.");
  }

  @Test
  void readsMetadataOfVideoOnlyPage() {
    ExtractedArticle article = extractor.extract(decoded("video-only.html", "UTF-8"), URL);

    assertThat(article.title()).isEqualTo("Keynote: the new inference chip");
    assertThat(article.siteName()).isEqualTo("Stage Video");
    assertThat(article.published()).isEqualTo(Instant.parse("2025-05-20T00:00:00Z"));
    assertThat(article.leadImageUrl()).isEqualTo("https://news.example/thumbs/keynote.jpg");
    assertThat(article.readerable()).isFalse();
  }

  @Test
  void readsMetadataOfImageOnlyPage() {
    ExtractedArticle article = extractor.extract(decoded("image-only.html", "UTF-8"), URL);

    assertThat(article.title()).isEqualTo("Chart of the week: training compute");
    assertThat(article.byline()).isEqualTo("Data Desk");
    assertThat(article.leadImageUrl()).isEqualTo("https://news.example/section/charts/compute.png");
    assertThat(article.readerable()).isFalse();
  }

  @Test
  void ignoresByteOrderMarkLeftByDecoding() {
    ExtractedArticle article =
        extractor.extract(
            "\uFEFF<!DOCTYPE html><html><head><title>Marked page</title></head></html>", URL);

    assertThat(article.title()).isEqualTo("Marked page");
  }

  @Test
  void returnsEmptyTitleForEmptyPage() {
    ExtractedArticle article = extractor.extract("", URL);

    assertThat(article.title()).isEmpty();
    assertThat(article.byline()).isNull();
    assertThat(article.published()).isNull();
    assertThat(article.readerable()).isFalse();
  }
}
