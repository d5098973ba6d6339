package dev.bellwether.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.bellwether.ingest.feed.FeedEntry;
import dev.bellwether.ingest.feed.FeedParseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlListingParserTest {
  private static final URI PAGE = URI.create("https://frontier.example/newsroom/");
  private static final ListingSelectors POSTS =
      new ListingSelectors("article.post", "a.title", null, "time");

  static byte[] fixture(String name) {
    try (InputStream in =
        HtmlListingParserTest.class.getResourceAsStream("/fixtures/html/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void findsOneEntryPerItemWithAnHttpLink() {
    List<FeedEntry> entries =
        HtmlListingParser.parse(fixture("listing.html"), "text/html", PAGE, POSTS);

    assertThat(entries)
        .extracting(e -> e.link().toString(), FeedEntry::title, FeedEntry::published)
        .containsExactly(
            tuple(
                "https://frontier.example/news/frontier-raises-series-c",
                "Frontier Labs raises $2 billion Series C",
                Instant.parse("2025-01-30T14:05:00Z")),
            tuple(
                "https://partner.example/announce?id=7&ref=frontier",
                "Partnership with Example Cloud",
                Instant.parse("2025-01-28T00:00:00Z")),
            tuple(
                "https://frontier.example/newsroom/news/relative-to-the-page",
                "Export licence granted",
                Instant.parse("2025-01-28T00:00:00Z")));
  }

  @Test
  void saysWhichSelectorFoundNothingWhenThePageListsNoItem() {
    byte[] page = fixture("listing.html");

    assertThatThrownBy(
            () ->
                HtmlListingParser.parse(
                    page, "text/html", PAGE, new ListingSelectors("div.card", "a", null, null)))
        .isInstanceOf(FeedParseException.class)
        .hasMessage("The item selector 'div.card' matched nothing on the page.");
    assertThatThrownBy(
            () ->
                HtmlListingParser.parse(
                    page,
                    "text/html",
                    PAGE,
                    new ListingSelectors("article.post", "a.headline", null, null)))
        .isInstanceOf(FeedParseException.class)
        .hasMessageStartingWith("The item selector 'article.post' matched ")
        .hasMessageEndingWith(
            " elements, but the link selector 'a.headline' matched nothing inside them.");
    byte[] noHrefs =
        "<ul><li><a href=\"mailto:x@y.example\">x</a></li><li><a>y</a></li></ul>"
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                HtmlListingParser.parse(
                    noHrefs, "text/html", PAGE, new ListingSelectors("li", "a", null, null)))
        .isInstanceOf(FeedParseException.class)
        .hasMessage("The link selector 'a' matched in 2 items, but none had an http(s) href.");
  }

  @Test
  void takesTitlesFromTheirSelectorAndLinksRelativeToTheBase() {
    ListingSelectors selectors = new ListingSelectors("ul.releases li", "a", ".headline", ".when");

    List<FeedEntry> entries =
        HtmlListingParser.parse(fixture("custom-title.html"), null, PAGE, selectors);

    assertThat(entries)
        .extracting(e -> e.link().toString(), FeedEntry::title, FeedEntry::published)
        .containsExactly(
            tuple(
                "https://cdn.example/press/2025/model-launch.html",
                "Qwen-like model launched",
                Instant.parse("2025-02-01T00:00:00Z")),
            tuple("https://cdn.example/press/2025/chips.html", "Read more", null));
  }

  @Test
  void boundsTheNumberOfEntries() {
    StringBuilder html = new StringBuilder("<ul>");
    for (int i = 0; i < 500; i++) {
      html.append("<li><a href='/n/").append(i).append("'>Item ").append(i).append("</a></li>");
    }
    byte[] body = html.append("</ul>").toString().getBytes(StandardCharsets.UTF_8);

    List<FeedEntry> entries =
        HtmlListingParser.parse(body, null, PAGE, new ListingSelectors("li", "a", null, null));

    assertThat(entries).hasSize(HtmlListingParser.MAX_ITEMS);
  }

  @Test
  void decodesWithTheCharsetOfTheContentType() {
    byte[] body =
        "<p><a href='/caf\u00e9'>Caf\u00e9 opens</a></p>".getBytes(StandardCharsets.ISO_8859_1);

    List<FeedEntry> entries =
        HtmlListingParser.parse(
            body,
            "text/html; charset=ISO-8859-1",
            PAGE,
            new ListingSelectors("p", "a", null, null));

    assertThat(entries).singleElement().extracting(FeedEntry::title).isEqualTo("Caf\u00e9 opens");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2025-01-30T14:05:00Z          | 2025-01-30T14:05:00Z",
        "2025-01-30T09:05:00-05:00     | 2025-01-30T14:05:00Z",
        "2025-01-30T14:05:00           | 2025-01-30T14:05:00Z",
        "2025-01-30                    | 2025-01-30T00:00:00Z",
        "Thu, 30 Jan 2025 14:05:00 GMT | 2025-01-30T14:05:00Z",
        "January 30, 2025              | 2025-01-30T00:00:00Z",
        "SEPTEMBER 3, 2025             | 2025-09-03T00:00:00Z",
        "Jan 30, 2025                  | 2025-01-30T00:00:00Z",
        "30 January 2025               | 2025-01-30T00:00:00Z",
        "2025/01/30                    | 2025-01-30T00:00:00Z"
      })
  void readsCommonDateForms(String text, String expected) {
    assertThat(ListingDates.parse(text)).isEqualTo(Instant.parse(expected));
  }

  @Test
  void leavesUnknownDatesOut() {
    assertThat(ListingDates.parse("sometime soon")).isNull();
    assertThat(ListingDates.parse("")).isNull();
  }
}
