package dev.bellwether.extract;

import org.jsoup.nodes.Element;

/** Counts inside a block that tell prose from furniture: paragraphs, images, list items... */
record BlockCounts(
    int paragraphs,
    int images,
    int listItems,
    int inputs,
    int embeds,
    double headingDensity,
    boolean isList,
    boolean onlyImageItems) {

  static BlockCounts of(Element e) {
    int textLength = e.text().length();
    return new BlockCounts(
        e.getElementsByTag("p").size(),
        e.getElementsByTag("img").size(),
        e.getElementsByTag("li").size() - 100,
        e.select("input, select, textarea, button").size(),
        e.select("object, embed, iframe, video").size(),
        textLength == 0 ? 0 : headingLength(e) / (double) textLength,
        isList(e, textLength),
        onlyImageItems(e));
  }

  private static int headingLength(Element e) {
    int n = 0;
    for (Element h : e.select("h1, h2, h3, h4, h5, h6")) {
      n += h.text().length();
    }
    return n;
  }

  /** A list, or a block whose text is almost all in list items. */
  private static boolean isList(Element e, int textLength) {
    if (e.normalName().equals("ul") || e.normalName().equals("ol")) {
      return true;
    }
    if (textLength == 0) {
      return false;
    }
    int inItems = 0;
    for (Element list : e.select("ul, ol")) {
      inItems += list.text().length();
    }
    return inItems / (double) textLength > 0.9;
  }

  private static boolean onlyImageItems(Element e) {
    for (Element item : e.children()) {
      if (item.children().size() != 1 || item.select("img, picture").isEmpty()) {
        return false;
      }
    }
    return !e.children().isEmpty();
  }
}
