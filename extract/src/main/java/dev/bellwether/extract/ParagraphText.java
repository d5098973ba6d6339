package dev.bellwether.extract;

import java.text.Normalizer;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Renders an article's block as plain text: a blank line between paragraphs, headings and other
 * blocks, a line break for each list item, table row and {@code <br>}, whitespace collapsed except
 * inside {@code <pre>}, in Unicode normalization form C.
 */
final class ParagraphText implements NodeVisitor {
  private static final int SPACE = 1;
  private static final int LINE = 2;
  private static final int PARAGRAPH = 3;
  private static final Set<String> LINES = Set.of("li", "tr", "dt", "dd", "br", "option");
  private static final Set<String> CELLS = Set.of("td", "th");
  private static final Set<String> PARAGRAPHS =
      HtmlBlocks.with("caption", "center", "details", "figcaption", "hgroup", "summary");

  private final StringBuilder out = new StringBuilder();
  private int pending;
  private int preDepth;

  private ParagraphText() {}

  static String of(Element root) {
    ParagraphText text = new ParagraphText();
    root.traverse(text);
    String out = text.out.toString().strip();
    // one spelling per character (composed forms, as most text is written), so that a search
    // or a model finds a word however the page encoded its accents or nuktas
    return Normalizer.isNormalized(out, Normalizer.Form.NFC)
        ? out
        : Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  @Override
  public void head(Node node, int depth) {
    if (node instanceof TextNode t) {
      append(t.getWholeText());
    } else if (node instanceof Element e) {
      String tag = e.normalName();
      if (tag.equals("pre")) {
        preDepth++;
      }
      breakFor(tag);
    }
  }

  @Override
  public void tail(Node node, int depth) {
    if (node instanceof Element e) {
      String tag = e.normalName();
      if (tag.equals("pre")) {
        preDepth--;
      }
      if (!tag.equals("br")) {
        breakFor(tag);
      }
    }
  }

  private void breakFor(String tag) {
    if (PARAGRAPHS.contains(tag)) {
      pending = Math.max(pending, PARAGRAPH);
    } else if (LINES.contains(tag)) {
      pending = Math.max(pending, LINE);
    } else if (CELLS.contains(tag)) {
      pending = Math.max(pending, SPACE);
    }
  }

  private void append(String raw) {
    if (preDepth > 0) {
      emit(raw);
      return;
    }
    String text = withoutInvisibles(raw).replace('\u00A0', ' ');
    if (text.isBlank()) {
      pending = Math.max(pending, SPACE);
      return;
    }
    if (Character.isWhitespace(text.charAt(0))) {
      pending = Math.max(pending, SPACE);
    }
    emit(text.strip().replaceAll("\\s+", " "));
    if (Character.isWhitespace(text.charAt(text.length() - 1))) {
      pending = SPACE;
    }
  }

  /**
   * The text without soft hyphens, zero-width spaces, word joiners and byte-order marks: marks for
   * line breaking that are not part of the words (a search for "Kandidatur" must find it).
   */
  static String withoutInvisibles(String raw) {
    int i = 0;
    while (i < raw.length() && !invisible(raw.charAt(i))) {
      i++;
    }
    if (i == raw.length()) {
      return raw;
    }
    StringBuilder b = new StringBuilder(raw.length()).append(raw, 0, i);
    for (; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (!invisible(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean invisible(char c) {
    return c == '\u00AD' || c == '\u200B' || c == '\u2060' || c == '\uFEFF';
  }

  private void emit(String text) {
    if (text.isEmpty()) {
      return;
    }
    if (!out.isEmpty()) {
      out.append(
          switch (pending) {
            case PARAGRAPH -> "\n\n";
            case LINE -> "\n";
            case SPACE -> " ";
            default -> "";
          });
    }
    pending = 0;
    out.append(text);
  }
}
