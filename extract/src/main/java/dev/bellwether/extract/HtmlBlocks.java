package dev.bellwether.extract;

import java.util.HashSet;
import java.util.Set;

/**
 * The HTML elements that stand as blocks of their own, as both the scorer and the text read them.
 */
final class HtmlBlocks {
  private static final Set<String> COMMON =
      Set.of(
          "address",
          "article",
          "aside",
          "blockquote",
          "div",
          "dl",
          "fieldset",
          "figure",
          "footer",
          "form",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hr",
          "main",
          "nav",
          "ol",
          "p",
          "pre",
          "section",
          "table",
          "ul");

  private HtmlBlocks() {}

  /** The common block elements and {@code more}. */
  static Set<String> with(String... more) {
    Set<String> all = new HashSet<>(COMMON);
    all.addAll(Set.of(more));
    return Set.copyOf(all);
  }
}
