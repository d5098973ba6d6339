package dev.bellwether.extract;

import org.jsoup.nodes.Element;

/** Measures of an element's text: length, commas, link density, weighted length for CJK. */
final class TextStats {
  private static final String COMMAS = ",\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001";

  private TextStats() {}

  static int length(Element e) {
    return e.text().length();
  }

  static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (COMMAS.indexOf(text.charAt(i)) >= 0) {
        n++;
      }
    }
    return n;
  }

  /**
   * Share of the element's text inside links; links to a place on the same page count for less,
   * since tables of contents and footnotes belong to articles.
   */
  static double linkDensity(Element e) {
    int total = length(e);
    if (total == 0) {
      return 0;
    }
    double linked = 0;
    for (Element a : e.getElementsByTag("a")) {
      double factor = a.attr("href").startsWith("#") ? 0.3 : 1;
      linked += a.text().length() * factor;
    }
    return linked / total;
  }

  /**
   * Length in which a Han, kana or Hangul character counts as three, roughly what it carries next
   * to a letter of an alphabet, so that thresholds in characters hold across scripts.
   */
  static int weightedLength(CharSequence text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      n += dense(text.charAt(i)) ? 3 : 1;
    }
    return n;
  }

  private static boolean dense(char c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }
}
