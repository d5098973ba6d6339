package dev.bellwether.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.extract.ExtractedArticle;
import dev.bellwether.ingest.http.FetchException;
import dev.bellwether.ingest.http.FetchException.Kind;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.FeedItem;
import dev.bellwether.schemas.avro.TextOrigin;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a failed fetch becomes a fallback reason, and a fallback or a page becomes an article. */
class PageFetcherFallbackTest {
  private static final URI PAGE = URI.create("https://techwire.example/2026/09/02/anthropic");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final long MAX_BYTES = 10L * 1024 * 1024;

  @Test
  void namesTheTimeLimitOfATimeout() {
    FallbackReason reason = reasonFor(new FetchException(Kind.TIMEOUT, PAGE, "timed out"));

    assertThat(reason)
        .isEqualTo(new FallbackReason(FallbackReason.Cause.TIMEOUT, "timed out after 30 s"));
  }

  @Test
  void namesFractionalSecondsOfAShortTimeout() {
    FallbackReason reason =
        FallbackReason.of(
            new FetchException(Kind.TIMEOUT, PAGE, "timed out"), Duration.ofMillis(1500), 1);

    assertThat(reason.sentence()).isEqualTo("timed out after 1.5 s");
  }

  @Test
  void namesTheSizeLimitOfAnOversizedPage() {
    FallbackReason reason = reasonFor(new FetchException(Kind.TOO_LARGE, PAGE, "too large"));

    assertThat(reason.sentence()).isEqualTo("page larger than 10 MiB");
    assertThat(FallbackReason.of(new FetchException(Kind.TOO_LARGE, PAGE, "x"), TIMEOUT, 2048))
        .extracting(FallbackReason::sentence)
        .isEqualTo("page larger than 2 KiB");
  }

  @Test
  void saysTheHostDoesNotResolveWhenTheConnectionFoundNoAddress() {
    ConnectException connect = new ConnectException();
    connect.initCause(new UnresolvedAddressException());

    FallbackReason reason =
        reasonFor(new FetchException(Kind.IO, PAGE, "cannot connect to techwire.example", connect));

    assertThat(reason.cause()).isEqualTo(FallbackReason.Cause.UNREACHABLE);
    assertThat(reason.sentence()).isEqualTo("cannot resolve host techwire.example");
  }

  @Test
  void keepsTheClientsSentenceForOtherIoErrors() {
    FallbackReason reason =
        reasonFor(
            new FetchException(
                Kind.IO, PAGE, "I/O error: connection reset", new IOException("reset")));

    assertThat(reason.sentence()).isEqualTo("I/O error: connection reset");
  }

  @Test
  void tellsARobotsRefusalFromAnUnreadableRobotsTxt() {
    assertThat(reasonFor(FetchException.robotsDisallowed(PAGE, "disallowed", false)).sentence())
        .isEqualTo("robots.txt disallows the page");
    assertThat(reasonFor(FetchException.robotsDisallowed(PAGE, "deferred", true)).sentence())
        .isEqualTo("robots.txt of the site cannot be read, so its pages are not fetched now");
  }

  @Test
  void refusesPrivateAddressesAndOtherSchemesInOneSentence() {
    assertThat(reasonFor(new FetchException(Kind.BLOCKED_ADDRESS, PAGE, "x")).sentence())
        .isEqualTo("the link leads to a private or loopback address");
    assertThat(reasonFor(new FetchException(Kind.BAD_SCHEME, PAGE, "x")).cause())
        .isEqualTo(FallbackReason.Cause.BAD_LINK);
  }

  @Test
  void fallbackArticleIsTheFeedsTitleAndSummaryWithTheReason() {
    Article article =
        PageArticles.toArticle(
            item(), new PageOutcome.Fallback(FallbackReason.notAnArticle(), Duration.ZERO));

    assertThat(article.getTextOrigin()).isEqualTo(TextOrigin.FEED_SUMMARY);
    assertThat(article.getFallbackReason()).isEqualTo("not an article page");
    assertThat(article.getTitle()).isEqualTo("Anthropic raises $13B");
    assertThat(article.getText()).isEqualTo("Anthropic raised $13 billion in a Series F.");
    assertThat(article.getPublished()).isEqualTo(Instant.parse("2026-09-02T15:00:00Z"));
    assertThat(article.getId()).isEqualTo("item-1");
    assertThat(article.getCanonicalUrl()).isNull();
  }

  @Test
  void fallbackArticleOfAnItemWithoutSummaryHasEmptyText() {
    FeedItem item = item();
    item.setSummary(null);

    Article article =
        PageArticles.toArticle(
            item, new PageOutcome.Fallback(FallbackReason.badLink(), Duration.ZERO));

    assertThat(article.getText()).isEmpty();
  }

  @Test
  void pageArticleTakesThePagesTextAndMetadata() {
    ExtractedArticle page =
        new ExtractedArticle(
            "Anthropic raises $13 billion at a $183 billion valuation",
            "First paragraph.\n\nSecond paragraph.",
            "Dana Whitfield",
            Instant.parse("2026-09-02T14:30:00.123456Z"),
            "Techwire",
            "https://techwire.example/anthropic-series-f",
            "en",
            null,
            true);

    Article article =
        PageArticles.toArticle(item(), new PageOutcome.Page(page, 2036, Duration.ZERO));

    assertThat(article.getTextOrigin()).isEqualTo(TextOrigin.PAGE);
    assertThat(article.getFallbackReason()).isNull();
    assertThat(article.getTitle()).isEqualTo(page.title());
    assertThat(article.getText()).isEqualTo(page.text());
    assertThat(article.getByline()).isEqualTo("Dana Whitfield");
    assertThat(article.getLanguage()).isEqualTo("en");
    assertThat(article.getCanonicalUrl()).isEqualTo("https://techwire.example/anthropic-series-f");
    assertThat(article.getPublished()).isEqualTo(Instant.parse("2026-09-02T14:30:00.123Z"));
    assertThat(article.getUrl()).isEqualTo(PAGE.toString());
  }

  @Test
  void pageArticleWithoutTitleOrDateKeepsTheFeeds() {
    ExtractedArticle page =
        new ExtractedArticle("  ", "Some text.", null, null, null, null, null, null, true);

    Article article = PageArticles.toArticle(item(), new PageOutcome.Page(page, 10, Duration.ZERO));

    assertThat(article.getTitle()).isEqualTo("Anthropic raises $13B");
    assertThat(article.getPublished()).isEqualTo(Instant.parse("2026-09-02T15:00:00Z"));
  }

  private static FallbackReason reasonFor(FetchException e) {
    return FallbackReason.of(e, TIMEOUT, MAX_BYTES);
  }

  static FeedItem item() {
    return FeedItem.newBuilder()
        .setId("item-1")
        .setSourceId("techwire")
        .setSourceType("rss")
        .setOutlet("Techwire")
        .setUrl(PAGE.toString())
        .setTitle("Anthropic raises $13B")
        .setSummary("Anthropic raised $13 billion in a Series F.")
        .setPublished(Instant.parse("2026-09-02T15:00:00Z"))
        .setDiscovered(Instant.parse("2026-09-02T15:05:00Z"))
        .setAttributes(Map.of())
        .build();
  }
}
