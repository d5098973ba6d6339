package dev.bellwether.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ProseBaselineTest {
  private static final String LONG =
      "Lumen Labs said on Tuesday that it had raised $120 million in a round led by Northwind"
          + " Capital, valuing the optical chip start-up at about $1.1 billion.";

  @Test
  void takesTheProseParagraphsOutsideFurnitureInPageOrder() {
    Document doc =
        Jsoup.parse(
            "<body><div><p>"
                + LONG
                + "</p></div><div class='comments'><p>"
                + LONG.replace("Lumen", "A reader said Lumen")
                + "</p></div><aside><p>"
                + LONG.replace("Lumen", "Sidebar: Lumen")
                + "</p></aside><p>Short line.</p><p><a href='/x'>"
                + LONG.replace("Lumen", "Linked Lumen")
                + "</a></p><section><p>"
                + LONG.replace("Tuesday", "Wednesday")
                + "</p></section></body>");

    String text = ParagraphText.of(ProseBaseline.of(doc));

    assertThat(text).isEqualTo(LONG + "\n\n" + LONG.replace("Tuesday", "Wednesday"));
  }

  @Test
  void readsTheNamesOfBlocksInsideThePageNotThoseOfTheBodyOrPage() {
    Document doc =
        Jsoup.parse(
            "<html class='has-sidebar'><body class='enable-ad-placeholder'><div><p>"
                + LONG
                + "</p></div></body></html>");

    assertThat(ParagraphText.of(ProseBaseline.of(doc))).isEqualTo(LONG);
  }

  @Test
  void isBuiltOnlyWhereTheLongParagraphsMayOutweighTheArticle() {
    Document doc = Jsoup.parse("<p>" + LONG + "</p><p>" + LONG + "</p>");

    assertThat(ProseBaseline.mayHold(doc, 100)).isFalse(); // under the 800 characters it needs
    assertThat(ProseBaseline.mayHold(Jsoup.parse(("<p>" + LONG + "</p>").repeat(8)), 400)).isTrue();
  }

  @Test
  void addsTheProseThePageSetsJustBeforeTheArticleInTheSameArticleElement() {
    String lead =
        "The round makes Lumen Labs one of the most valuable optical chip start-ups in Europe,"
            + " two years after it left a university laboratory in Delft.";
    Document doc =
        Jsoup.parse(
            "<body><p>"
                + LONG.replace("Lumen", "Elsewhere, Lumen")
                + "</p><article><header><p>"
                + lead
                + "</p></header><div class='body'><p>"
                + LONG
                + "</p></div></article></body>");
    org.jsoup.nodes.Element article = new org.jsoup.nodes.Element("div");
    article.appendChild(doc.selectFirst("div.body p").clone());

    String text = ProseBaseline.withProseBefore(doc, article, LONG);

    assertThat(text).isEqualTo(lead + "\n\n" + LONG);
  }
}
