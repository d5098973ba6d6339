package dev.bellwether.extract;

import org.jsoup.nodes.Element;

/**
 * Whether the text found is an article's worth. Paragraphs count only from about 140 characters
 * (CJK characters counting triple), and with diminishing returns, so that a stub or a one-paragraph
 * teaser above a login or paywall does not pass; a block that is mostly headlines linking
 * elsewhere, with short teasers under them, is a listing, not an article.
 */
final class Readerable {
  private static final int MIN_PARAGRAPH = 140;
  private static final double MIN_SCORE = 15;
  private static final int ENOUGH_IN_SHORT_LINES = 3000;
  private static final int MAX_TEASER = 400;
  private static final int LISTING_HEADLINES = 3;

  private Readerable() {}

  static boolean judge(Element article, String text) {
    return prose(text) && !listing(article);
  }

  /**
   * Enough long paragraphs, or a lot of text in short ones (a photo blog's captions, verse, text
   * laid out with line breaks).
   */
  static boolean prose(String text) {
    return proseScore(text) >= MIN_SCORE || TextStats.weightedLength(text) >= ENOUGH_IN_SHORT_LINES;
  }

  /** Sum over long paragraphs of the square root of their length past the minimum. */
  static double proseScore(String text) {
    double score = 0;
    for (String paragraph : text.split("\n\n")) {
      int length = TextStats.weightedLength(paragraph.strip());
      if (length >= MIN_PARAGRAPH) {
        score += Math.sqrt(length - MIN_PARAGRAPH);
      }
    }
    return score;
  }

  /**
   * Several headings that are wholly links to other pages, or several teaser blocks ({@code
   * article} elements), and little prose per headline.
   */
  static boolean listing(Element article) {
    int headlines = 0;
    for (Element h : article.select("h1, h2, h3, h4, h5, h6")) {
      String text = h.text();
      Element link = h.selectFirst("a[href]:not([href^=#])");
      if (link == null) {
        link = h.closest("a[href]:not([href^=#])");
      }
      if (!text.isEmpty() && link != null && link.text().length() >= 0.9 * text.length()) {
        headlines++;
      }
    }
    int teasers = article.select("article").size();
    int items = Math.max(headlines, teasers);
    return items >= LISTING_HEADLINES && article.text().length() / (double) items < MAX_TEASER;
  }
}
