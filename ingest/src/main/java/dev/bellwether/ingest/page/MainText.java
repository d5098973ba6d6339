package dev.bellwether.ingest.page;

import org.jsoup.nodes.Document;

/** Finds an article's main text in a page. */
final class MainText {
  /**
   * @param text paragraphs separated by a blank line
   * @param readerable whether the page holds an article's worth of text
   */
  record Result(String text, boolean readerable) {}

  private MainText() {}

  /** First version: the body's text. To be replaced by real content scoring. */
  static Result extract(Document page) {
    String text = page.body() == null ? "" : page.body().text();
    return new Result(text, text.length() > 500);
  }
}
