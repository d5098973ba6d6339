package dev.bellwether.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MainTextTest {
  private static final String BASE = "https://news.example/2024/story.html";

  @Test
  void keepsTheArticleAndDropsCommentsSidebarAndShareBar() {
    MainText.Result result = extract("news-with-comments.html");

    assertThat(result.readerable()).isTrue();
    assertThat(result.text())
        .startsWith("Lumen Labs, a start-up that designs chips")
        .contains("yet to confirm.\n\n")
        .contains("foundry partner next year")
        .endsWith("over the next decade.")
        .doesNotContain("skeptic99", "I will believe it", "Most read", "Share on X")
        .doesNotContain("Related", "All rights reserved", "Home");
  }

  @Test
  void aShortPostIsNotTradedForTheCommentFormALaterPassFinds() {
    String form =
        "<div id='respond' class='comment-respond'><h3>Leave a reply</h3>"
            + "<p>Your email address will not be published. Required fields are marked.</p>"
            + "<p>Log in with your account, or fill in your name and address below, to post a"
            + " comment on this article; comments are read before they appear on the page.</p>"
            + "<p>You are commenting with your account. Log out or change the account you use"
            + " to comment, and choose whether to be told of new comments by email.</p>"
            + "<p>Notify me of follow-up comments by email. Notify me of new posts by email."
            + " Your data is kept as our privacy notice explains, and never sold.</p></div>";
    Document page =
        Jsoup.parse(
            "<html><body><div class='post'><h2>Doing nothing is an option</h2>"
                + "<p>\u201cI know I have had a drink and should not say it.\u201d</p>"
                + "<p>\u201cThen do not say it.\u201d</p><p>\u201cFine.\u201d</p></div>"
                + form
                + "</body></html>",
            BASE);

    String text = MainText.extract(page).text();

    assertThat(text).contains("Then do not say it.").doesNotContain("Leave a reply", "Notify me");
  }

  @Test
  void listingPageIsNotReaderable() {
    assertThat(extract("listing.html").readerable()).isFalse();
  }

  @Test
  void videoOnlyPageIsNotReaderable() {
    assertThat(extract("video-only.html").readerable()).isFalse();
  }

  @Test
  void imageOnlyPageIsNotReaderable() {
    assertThat(extract("image-only.html").readerable()).isFalse();
  }

  /** A teaser above a paywall keeps its text, short, but is not an article's worth. */
  @Test
  void paywallStubKeepsTheTeaserButIsNotReaderable() {
    MainText.Result result = extract("paywall-stub.html");

    assertThat(result.readerable()).isFalse();
    assertThat(result.text())
        .contains("Model labs are signing ever larger contracts")
        .doesNotContain("Subscribe to keep reading", "Cancel anytime", "Log in");
  }

  @Test
  void headingsStayParagraphsAndListItemsStayLines() {
    MainText.Result result = extract("headings-and-lists.html");

    assertThat(result.readerable()).isTrue();
    assertThat(result.text())
        .contains("test their systems.\n\nWho is covered\n\nProviders that place")
        .contains(
            "Providers of general-purpose models\n"
                + "Deployers of high-risk systems\n"
                + "Importers and distributors\n\nWhen it applies")
        .doesNotContain("What the new AI rules require");
  }

  @Test
  void extractsJapaneseWithoutRelyingOnSpaces() {
    MainText.Result result = extract("japanese.html");

    assertThat(result.readerable()).isTrue();
    assertThat(result.text().split("\n\n")).hasSize(3);
    assertThat(result.text())
        .startsWith("大規模言語モデルの推論に特化した半導体")
        .contains("量産契約を結ぶ計画だ。")
        .doesNotContain("期待できそう", "トップ");
  }

  @Test
  void declaredArticleBodyReplacesATruncatedPage() {
    MainText.Result result = extract("json-ld-body.html");

    assertThat(result.readerable()).isTrue();
    assertThat(result.text().split("\n\n")).hasSize(3);
    assertThat(result.text()).contains("ninety days to comply").doesNotContain("our app");
  }

  @Test
  void leavesThePageItIsGivenUnchanged() {
    Document page = Jsoup.parse(fixture("news-with-comments.html"), BASE);
    String before = page.outerHtml();

    MainText.extract(page);

    assertThat(page.outerHtml()).isEqualTo(before);
  }

  @Test
  void emptyPageGivesNoTextAndIsNotReaderable() {
    MainText.Result result = MainText.extract(Jsoup.parse("", BASE));

    assertThat(result.text()).isEmpty();
    assertThat(result.readerable()).isFalse();
  }

  private static MainText.Result extract(String name) {
    return MainText.extract(Jsoup.parse(fixture(name), BASE));
  }

  private static String fixture(String name) {
    try (InputStream in = MainTextTest.class.getResourceAsStream("/fixtures/pages/main/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
