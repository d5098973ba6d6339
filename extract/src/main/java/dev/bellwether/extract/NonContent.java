package dev.bellwether.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Takes out of a page what never belongs to an article's text, before any scoring: scripts and
 * styles, comments, hidden elements, and the heading that repeats the page's title. Turns runs of
 * {@code <br>} into paragraph breaks so that text laid out with them scores as paragraphs.
 */
final class NonContent {
  private static final String NEVER_TEXT =
      "script, style, noscript, template, link, meta, svg, canvas, iframe, object, embed, input,"
          + " textarea, select, button, dialog";
  private static final Pattern HIDDEN_STYLE =
      Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");
  private static final Pattern TITLE_SEPARATOR =
      Pattern.compile("\\s+[|\\-\u2013\u2014:/\u00BB\u00B7]+\\s+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private NonContent() {}

  static void remove(Document doc) {
    unwrapSwallowingNoscript(doc);
    doc.select(NEVER_TEXT).remove();
    removeComments(doc);
    for (Element e : doc.body().select("*")) {
      if (hidden(e)) {
        e.remove();
      }
    }
    breaksToParagraphs(doc);
    removeTitleHeading(doc);
  }

  /**
   * A {@code <noscript>} left open by a tag it does not close ({@code <noscript><div></noscript>})
   * swallows the rest of the page when parsed as markup: one holding most of the body's text is
   * taken to be the page itself and unwrapped rather than removed.
   */
  private static void unwrapSwallowingNoscript(Document doc) {
    int body = doc.body().text().length();
    for (Element n : doc.body().select("noscript")) {
      if (n.parent() != null && n.text().length() > body / 2) {
        n.unwrap();
      }
    }
  }

  static boolean hidden(Element e) {
    if (e.hasAttr("hidden")) {
      return true;
    }
    if (HIDDEN_STYLE.matcher(e.attr("style").toLowerCase(Locale.ROOT)).find()) {
      return true;
    }
    return "true".equals(e.attr("aria-hidden")) && !e.className().contains("fallback-image");
  }

  private static void removeComments(Document doc) {
    List<Node> comments = new ArrayList<>();
    doc.forEachNode(
        n -> {
          if (n instanceof Comment) {
            comments.add(n);
          }
        });
    comments.forEach(Node::remove);
  }

  /**
   * Two or more {@code <br>} in a row end a paragraph: the inline content after them, up to the
   * next block or double break, moves into a new {@code <p>}.
   */
  private static void breaksToParagraphs(Document doc) {
    for (Element br : doc.body().getElementsByTag("br")) {
      if (br.parent() == null || !followedByBreak(br)) {
        continue;
      }
      removeFollowingBreaks(br);
      Element p = new Element("p");
      Node next = br.nextSibling();
      while (next != null && !(next instanceof Element e && startsBlock(e))) {
        Node after = next.nextSibling();
        p.appendChild(next);
        next = after;
      }
      if (p.text().isBlank() && p.children().isEmpty()) {
        br.remove();
      } else {
        br.replaceWith(p);
      }
    }
  }

  private static boolean followedByBreak(Element br) {
    Node n = br.nextSibling();
    while (n instanceof TextNode t && t.isBlank()) {
      n = n.nextSibling();
    }
    return n instanceof Element e && e.normalName().equals("br");
  }

  private static void removeFollowingBreaks(Element br) {
    Node n = br.nextSibling();
    while (n != null
        && ((n instanceof TextNode t && t.isBlank())
            || (n instanceof Element e && e.normalName().equals("br")))) {
      Node after = n.nextSibling();
      n.remove();
      n = after;
    }
  }

  private static boolean startsBlock(Element e) {
    if (e.normalName().equals("br")) {
      return followedByBreak(e);
    }
    return e.isBlock() && !e.normalName().equals("span");
  }

  /** Removes the first {@code h1} or {@code h2} that says what the page's title says. */
  private static void removeTitleHeading(Document doc) {
    List<String> parts = titleParts(doc);
    List<Set<String>> titles = titleVariants(parts);
    for (Element h : doc.body().select("h1, h2")) {
      Set<String> words = words(h.text());
      boolean same = parts.contains(h.text().strip());
      if (same || (!words.isEmpty() && titles.stream().anyMatch(t -> similar(words, t)))) {
        h.remove();
        return;
      }
    }
  }

  /** The page's title, its parts between separators such as " | ", and its og:title. */
  private static List<String> titleParts(Document doc) {
    List<String> texts = new ArrayList<>();
    texts.add(doc.title().strip());
    for (String part : TITLE_SEPARATOR.split(doc.title())) {
      texts.add(part.strip());
    }
    Element og = doc.selectFirst("meta[property=og:title], meta[name=twitter:title]");
    if (og != null) {
      texts.add(og.attr("content").strip());
    }
    texts.removeIf(String::isEmpty);
    return texts;
  }

  private static List<Set<String>> titleVariants(List<String> texts) {
    List<Set<String>> variants = new ArrayList<>();
    for (String text : texts) {
      Set<String> words = words(text);
      if (words.size() >= 2) {
        variants.add(words);
      }
    }
    return variants;
  }

  private static boolean similar(Set<String> a, Set<String> b) {
    long common = a.stream().filter(b::contains).count();
    return common >= 0.75 * Math.max(a.size(), b.size());
  }

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    for (String w : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }
}
