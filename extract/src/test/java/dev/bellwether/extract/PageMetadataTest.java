package dev.bellwether.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageMetadataTest {
  private static final URI URL = URI.create("https://news.example/section/page.html");

  static String fixture(String name) {
    try (InputStream in =
        PageMetadataTest.class.getResourceAsStream("/fixtures/pages/meta/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PageMetadata read(String fixture) {
    return PageMetadata.read(ArticleExtractor.parse(fixture(fixture), URL), URL);
  }

  @Test
  void readsNewsArticleFromJsonLdBeforeMarkup() {
    PageMetadata meta = read("jsonld-news-article.html");

    assertThat(meta.title()).isEqualTo("Lab raises $2bn to build its own AI chips");
    assertThat(meta.byline()).isEqualTo("Ada Okafor");
    assertThat(meta.published()).isEqualTo(Instant.parse("2025-06-03T07:15:00Z"));
    assertThat(meta.siteName()).isEqualTo("The Compute Ledger");
    assertThat(meta.leadImageUrl()).isEqualTo("https://news.example/img/chips.jpg");
    assertThat(meta.canonicalUrl()).isEqualTo("https://news.example/2025/06/lab-raises");
    assertThat(meta.language()).isEqualTo("en-GB");
  }

  @Test
  void followsGraphReferencesAndJoinsSeveralAuthors() {
    PageMetadata meta = read("jsonld-graph.html");

    assertThat(meta.title()).isEqualTo("Export rules tighten for advanced accelerators");
    assertThat(meta.byline()).isEqualTo("Min-jun Kim, Lena Vogel");
    assertThat(meta.published()).isEqualTo(Instant.parse("2025-01-15T00:00:00Z"));
    assertThat(meta.siteName()).isEqualTo("Policy Notes");
    assertThat(meta.leadImageUrl()).isEqualTo("https://notes.example/a.png");
  }

  @Test
  void readsAuthorStringsFromTopLevelArrayAndSiteFromAnotherBlock() {
    PageMetadata meta = read("jsonld-author-strings.html");

    assertThat(meta.title()).isEqualTo("Two founders leave the start-up they built");
    assertThat(meta.byline()).isEqualTo("Priya Raman, Tom Eriksen");
    assertThat(meta.published()).isEqualTo(Instant.parse("2024-11-02T18:30:00Z"));
    assertThat(meta.siteName()).isEqualTo("Founders Daily");
  }

  @Test
  void ignoresBrokenJsonLdAndFallsBackToMeta() {
    PageMetadata meta = read("jsonld-broken.html");

    assertThat(meta.title()).isEqualTo("A model card, annotated");
    assertThat(meta.byline()).isEqualTo("Sam Hale");
    assertThat(meta.published()).isEqualTo(Instant.parse("2025-06-03T11:05:30Z"));
  }

  @Test
  void readsOpenGraphAloneAndSkipsAuthorThatIsUrl() {
    PageMetadata meta = read("opengraph-only.html");

    assertThat(meta.title()).isEqualTo("Start-up opens a research office in Toronto");
    assertThat(meta.siteName()).isEqualTo("Northern Wire");
    assertThat(meta.byline()).isEqualTo("Jo Tremblay");
    assertThat(meta.published()).isEqualTo(Instant.parse("2025-03-04T12:00:00Z"));
    assertThat(meta.leadImageUrl()).isEqualTo("https://cdn.wire.example/toronto.jpg");
    assertThat(meta.canonicalUrl()).isEqualTo("https://wire.example/toronto");
    assertThat(meta.language()).isEqualTo("en-CA");
  }

  @Test
  void removesSiteSuffixFromTitleAndReadsBylineMarkupOutsideComments() {
    PageMetadata meta = read("title-site-suffix.html");

    assertThat(meta.title()).isEqualTo("Chip maker doubles its guidance for the year");
    assertThat(meta.byline()).isEqualTo("Ravi Menon");
    assertThat(meta.published()).isEqualTo(Instant.parse("2025-02-10T13:00:00Z"));
    assertThat(meta.canonicalUrl()).isNull();
  }

  @Test
  void keepsTitleWhenSeparatedPartIsNotSiteName() {
    String html = "<title>Inference costs: why they fell in 2024</title>";

    assertThat(PageMetadata.read(ArticleExtractor.parse(html, URL), URL).title())
        .isEqualTo("Inference costs: why they fell in 2024");
  }

  @Test
  void fallsBackToFirstHeadingWithoutTitle() {
    String html = "<body><h1>Quarterly results</h1><h1>Other</h1></body>";

    assertThat(PageMetadata.read(ArticleExtractor.parse(html, URL), URL).title())
        .isEqualTo("Quarterly results");
  }

  @Test
  void refusesBylinesThatAreUrlsOrDates() {
    assertThat(Bylines.clean("https://news.example/staff/ada")).isEmpty();
    assertThat(Bylines.clean("June 3, 2025")).isEmpty();
    assertThat(Bylines.clean("By  Ada Okafor and Tom Eriksen"))
        .contains("Ada Okafor and Tom Eriksen");
    assertThat(Bylines.clean("By Ada Okafor March 25, 2015")).contains("Ada Okafor");
  }

  @Test
  void readsTheDateFormsPagesUse() {
    assertThat(Dates.parse("2021-11-01T10:52:50+0100"))
        .contains(Instant.parse("2021-11-01T09:52:50Z"));
    assertThat(Dates.parse("2019-01-03T07:00:02.000Z"))
        .contains(Instant.parse("2019-01-03T07:00:02Z"));
    assertThat(Dates.parse("2018-04-05T06:00")).contains(Instant.parse("2018-04-05T06:00:00Z"));
    assertThat(Dates.parse("2024-06-25")).contains(Instant.parse("2024-06-25T00:00:00Z"));
    assertThat(Dates.parse("Tue, 3 Jun 2008 11:05:30 GMT"))
        .contains(Instant.parse("2008-06-03T11:05:30Z"));
    assertThat(Dates.parse("2025-06-03T09:15:00+02:00[Europe/Paris]"))
        .contains(Instant.parse("2025-06-03T07:15:00Z"));
    assertThat(Dates.parse("yesterday")).isEmpty();
  }
}
