package dev.bellwether.extract;

import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds an article's main text in a page by content scoring ({@link ContentScorer}), cleans the
 * chosen block ({@link ArticleCleaner}) and renders it as paragraphs ({@link ParagraphText}). When
 * a strict pass finds too little, passes that trust class names less and clean less follow. A
 * JSON-LD {@code articleBody} much longer than what was found replaces it. Never changes the page
 * it is given.
 */
final class MainText {
  /**
   * @param text paragraphs separated by a blank line
   * @param readerable whether the page holds an article's worth of text
   */
  record Result(String text, boolean readerable) {}

  /**
   * How strict one pass over the page is, in the order they are tried: each pass gives up one more
   * of the strict pass's habits, the one its name says.
   */
  enum Pass {
    STRICT,
    KEEP_UNLIKELY,
    IGNORE_NAMES,
    KEEP_ALL;

    /** Whether elements that class, id or role mark as unlikely to be the article are removed. */
    boolean stripUnlikely() {
      return compareTo(KEEP_UNLIKELY) < 0;
    }

    /** Whether class names and ids add to or take from an element's score. */
    boolean weighClasses() {
      return compareTo(IGNORE_NAMES) < 0;
    }

    /** Whether forms, tables, lists and divs that look like furniture are cleaned out. */
    boolean cleanConditionally() {
      return compareTo(KEEP_ALL) < 0;
    }
  }

  /** Below this many characters a pass is taken to have missed the article. */
  private static final int ENOUGH_TEXT = 500;

  /** Below this many characters, a strict pass's article is checked against the next pass's. */
  private static final int SHORT_TEXT = 2000;

  /** How many times longer the next pass's article must be to replace a short strict one. */
  private static final int WIDER = 3;

  /**
   * How many times the scored block's text the page's prose paragraphs must hold to be taken
   * instead (1.25, 1.5 and 3 were tried: 1.5 gains three snippets on the development split of
   * Trafilatura's benchmark and costs 0.007 of mean F1 on Readability's pages).
   */
  private static final double PROSE_MARGIN = 2;

  /**
   * How many times more text a later, less strict pass must find to replace an earlier pass's
   * article: a pass that trusts names less finds comment forms and link lists the stricter one had
   * set aside (1 to 1000 tried on the development split of Trafilatura's benchmark: F1 0.933 at 1,
   * 0.936 from 5 to 8, 0.933 at 20; Readability's pages 0.9815 at 1, 0.9807 at 6).
   */
  private static final double LATER_PASS = 6;

  private MainText() {}

  static Result extract(Document page) {
    Document doc = page.clone();
    Optional<String> declared = JsonLdBody.find(doc);
    NonContent.remove(doc);
    Element best = null;
    String bestText = "";
    for (Pass pass : Pass.values()) {
      Element article = ContentScorer.pick(doc.clone(), pass);
      ArticleCleaner.clean(article, pass);
      String text = ParagraphText.of(article);
      if (best == null || text.length() > LATER_PASS * bestText.length()) {
        best = article;
        bestText = text;
      }
      if (bestText.length() >= ENOUGH_TEXT) {
        if (pass == Pass.STRICT && text.length() < SHORT_TEXT) {
          // a short article from the strict pass may be a box beside an article whose names
          // looked unlikely: the next pass decides when it finds several times more
          Element wider = ContentScorer.pick(doc.clone(), Pass.KEEP_UNLIKELY);
          ArticleCleaner.clean(wider, Pass.KEEP_UNLIKELY);
          String widerText = ParagraphText.of(wider);
          if (widerText.length() >= WIDER * text.length()) {
            best = wider;
            bestText = widerText;
          }
        }
        break;
      }
    }
    if (ProseBaseline.mayHold(doc, (int) (PROSE_MARGIN * bestText.length()))) {
      Element prose = ProseBaseline.of(doc);
      String proseText = ParagraphText.of(prose);
      if (proseText.length() >= ProseBaseline.ENOUGH
          && proseText.length() > PROSE_MARGIN * bestText.length()) {
        best = prose;
        bestText = proseText;
      }
    }
    bestText = ProseBaseline.withProseBefore(doc, best, bestText);
    if (declared.isPresent() && declared.get().length() > 2 * bestText.length()) {
      String text = java.text.Normalizer.normalize(declared.get(), java.text.Normalizer.Form.NFC);
      return new Result(text, Readerable.prose(text));
    }
    return new Result(bestText, Readerable.judge(best, bestText));
  }
}
