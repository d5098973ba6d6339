package dev.bellwether.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The furniture rules inside the article, one page each, written here: what goes, and what stays
 * although it looks like furniture.
 */
class BoilerplateTest {
  private static final String BASE = "https://news.example/2026/12/lumen.html";
  private static final String PROSE =
      "<p>Lumen Labs, a start-up that designs optical chips for data centres, said on Tuesday that"
          + " it had raised $120 million in a round led by Northwind Capital, valuing it at about"
          + " $1.1 billion, according to two people familiar with the deal.</p>"
          + "<p>The company, founded in 2021 by former engineers of a large chip maker, plans to"
          + " spend the money on a first production run with a foundry partner next year, and on"
          + " hiring, its chief executive said in an interview on Tuesday afternoon.</p>"
          + "<p>Investors have poured money into companies that promise to move data between"
          + " accelerators with light rather than copper, as the largest model makers build ever"
          + " larger clusters, though few of them have yet shipped a product at scale.</p>";

  private static String text(String body) {
    return MainText.extract(Jsoup.parse("<html><body>" + body + "</body></html>", BASE)).text();
  }

  @Test
  void dropsCaptionsCreditsBylinesAndAuthorBoxesByTheWordsOfTheirNames() {
    String text =
        text(
            "<article><div class='byline'>By Ada Example | 2 Dec 2026</div>"
                + "<figure><img src='a.jpg'><figcaption>A wafer at the lab. Photo: Reuters"
                + "</figcaption></figure>"
                + PROSE
                + "<div class='author-bio__text'>Ada Example covers chips for the site.</div>"
                + "<p>Photo: Lumen Labs / Handout</p></article>");

    assertThat(text)
        .startsWith("Lumen Labs, a start-up")
        .endsWith("at scale.")
        .doesNotContain("By Ada Example", "A wafer at the lab", "covers chips", "Handout");
  }

  @Test
  void keepsTheLeadOfAHeaderRemovedForItsName() {
    String text =
        text(
            "<main><article><header class='entry__header'><h1>Lumen Labs raises $120m</h1>"
                + "<p class='entry__subtitle'>The optical chip start-up is now valued at about"
                + " $1.1 billion, two years after it was founded.</p>"
                + "<p class='entry__date'>2 December 2026</p></header>"
                + "<div class='entry__content'>"
                + PROSE
                + "</div></article></main>");

    assertThat(text)
        .startsWith("The optical chip start-up is now valued")
        .contains("valuing it at about")
        .doesNotContain("2 December 2026");
  }

  @Test
  void dropsALabelledListOfLinksClosingTheArticleButNotAListOfItsOwn() {
    String related =
        text(
            "<article>"
                + PROSE
                + "<h3>You may also like</h3><ul>"
                + "<li><a href='/a'>Northwind Capital closes its third fund</a></li>"
                + "<li><a href='/b'>Why optical chips are hard to make</a></li>"
                + "<li><a href='/c'>A foundry for photonics opens in Delft</a></li></ul>"
                + "</article>");
    String own =
        text(
            "<article>"
                + PROSE
                + "<h3>The round in figures</h3><ul><li>Amount: $120 million</li>"
                + "<li>Lead investor: Northwind Capital</li><li>Valuation: $1.1 billion</li></ul>"
                + "</article>");

    assertThat(related).endsWith("at scale.").doesNotContain("You may also like", "third fund");
    assertThat(own).contains("The round in figures", "Lead investor: Northwind Capital");
  }

  @Test
  void dropsDateLinesBeforeTheFirstParagraphButKeepsTheDateline() {
    String text =
        text(
            "<article><p>02.12.2026 | News</p><p>14:05</p>"
                + "<p>DELFT, Dec 2 (Newswire) - "
                + PROSE.substring(3)
                + "</article>");

    assertThat(text).startsWith("DELFT, Dec 2 (Newswire) - Lumen Labs").doesNotContain("14:05");
  }

  @Test
  void keepsBlocksWhoseNamesOnlyLookLikeFurniture() {
    String text =
        text(
            "<article><div class='entry-content'><div class='elementor-widget-container'>"
                + PROSE
                + "</div><p class='update-note'>The company confirmed the round on Wednesday,"
                + " after this article was first published.</p></div></article>");

    assertThat(text).contains("valuing it at about").contains("confirmed the round on Wednesday");
  }

  @Test
  void trimsPointersElsewhereFromTheTailButNotTheArticlesOwnShortLines() {
    String withPointers =
        text(
            "<article>"
                + PROSE
                + "<h3>Related stories</h3><p><a href='/x'>Another chip start-up raises money</a>"
                + "</p><p>More on this topic</p></article>");
    assertThat(withPointers)
        .endsWith("at scale.")
        .doesNotContain("Related stories", "Another chip", "More on this topic");

    String verse =
        text(
            "<article><p>Lumen's founders wrote a short poem for the launch:</p>"
                + "<p>light in the wire</p><p>light in the rack</p><p>light in the fibre</p>"
                + "<p>and never coming back</p><p>we built it by night</p><p>we ship it by day</p>"
                + "<p>the copper is going</p><p>the photons will stay</p></article>");
    assertThat(verse).contains("the photons will stay").contains("light in the wire");
  }

  @Test
  void anArticleInsideAnAsideIsStillTheArticle() {
    String text =
        text(
            "<main><aside class='direct-content'><section>"
                + PROSE
                + "</section></aside>"
                + "<aside><p>Most read: <a href='/a'>a</a> <a href='/b'>b</a></p></aside></main>");

    assertThat(text).contains("valuing it at about").doesNotContain("Most read");
  }

  @Test
  void textComesInNormalizationFormCWithoutSoftHyphens() {
    String text =
        text(
            "<article>"
                + PROSE
                + "<p>Die Kandi\u00ADdatur von Zu\u0308rich wurde am Dienstag bekannt gegeben,"
                + " sagte ein Sprecher der Stadt in einem kurzen Gespra\u0308ch.</p></article>");

    assertThat(text).contains("Die Kandidatur von Zürich", "kurzen Gespräch.");
  }
}
