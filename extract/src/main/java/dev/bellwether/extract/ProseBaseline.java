package dev.bellwether.extract;

import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A second opinion on where the article is: every paragraph of the page that reads as prose on its
 * own (long, ending a sentence, hardly linked) outside blocks whose names say furniture, in page
 * order. When the scored block holds far less text than this, the scorer chose a box beside the
 * article (a comment form, a notice, a sidebar) and the prose is the better answer.
 */
final class ProseBaseline {
  /** Below this many characters the baseline is never preferred. */
  static final int ENOUGH = 800;

  private static final int MIN_PARAGRAPH = 100;
  private static final double MAX_LINK_DENSITY = 0.2;
  private static final Pattern SENTENCE_END =
      Pattern.compile("[.!?\\u2026\\u3002\\uFF01\\uFF1F\"\\u201D\\u00BB)]$");

  private ProseBaseline() {}

  /**
   * Whether the page's long paragraphs add up to more than {@code length} characters: a cheap
   * bound, so that the baseline is built only where it may win.
   */
  static boolean mayHold(Document doc, int length) {
    int total = 0;
    for (Element p : doc.body().getElementsByTag("p")) {
      int n = p.text().length();
      if (n >= MIN_PARAGRAPH) {
        total += n;
        if (total > Math.max(length, ENOUGH - 1)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The prose paragraphs of {@code doc} (not changed), copied into one block. */
  static Element of(Document doc) {
    Element out = new Element("div");
    for (Element p : doc.body().getElementsByTag("p")) {
      String text = p.text().strip();
      if (text.length() >= MIN_PARAGRAPH
          && SENTENCE_END.matcher(text).find()
          && TextStats.linkDensity(p) < MAX_LINK_DENSITY
          && !inFurniture(p)) {
        out.appendChild(p.clone());
      }
    }
    return out;
  }

  /**
   * The article's text with the prose paragraphs the page puts just before it, in the same {@code
   * <article>} or {@code <main>} (a lead or first paragraph set apart from the body), when the
   * article starts with a paragraph found in the page.
   */
  static String withProseBefore(Document doc, Element article, String text) {
    Element first = null;
    for (Element p : article.getElementsByTag("p")) {
      if (p.text().length() >= MIN_PARAGRAPH) {
        first = p;
        break;
      }
    }
    if (first == null) {
      return text;
    }
    String wanted = first.text();
    Element inPage = null;
    for (Element p : doc.body().getElementsByTag("p")) {
      if (p.text().equals(wanted)) {
        inPage = p;
        break;
      }
    }
    if (inPage == null) {
      return text;
    }
    Element scope = inPage.parent();
    while (scope != null
        && !scope.normalName().equals("article")
        && !scope.normalName().equals("main")) {
      scope = scope.parent();
    }
    if (scope == null) {
      return text;
    }
    StringBuilder before = new StringBuilder();
    for (Element p : scope.getElementsByTag("p")) {
      if (p == inPage) {
        break;
      }
      String t = p.text().strip();
      if (t.length() >= MIN_PARAGRAPH
          && SENTENCE_END.matcher(t).find()
          && TextStats.linkDensity(p) < MAX_LINK_DENSITY
          && !inFurniture(p)
          && !text.contains(t)) {
        before.append(ParagraphText.of(p)).append("\n\n");
      }
    }
    return before.isEmpty() ? text : before + text;
  }

  private static boolean inFurniture(Element p) {
    for (Element a = p; a != null && !a.normalName().equals("body"); a = a.parent()) {
      if (Boilerplate.furniture(a) || ClassHints.unlikely(a) || ClassHints.furnitureRole(a)) {
        return true;
      }
      String tag = a.normalName();
      if (tag.equals("aside") || tag.equals("footer") || tag.equals("nav") || tag.equals("form")) {
        return true;
      }
    }
    return false;
  }
}
