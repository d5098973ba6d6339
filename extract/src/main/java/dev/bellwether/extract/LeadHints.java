package dev.bellwether.extract;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Whether an element's names call it an article's lead: the standfirst or summary that many sites
 * print between the headline and the body, outside the body's own block. Names are read as words,
 * as {@link Boilerplate} reads them.
 */
final class LeadHints {
  private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}]+|(?<=\\p{Ll})(?=\\p{Lu})");
  private static final Set<String> LEAD =
      Set.of(
          "lead",
          "lede",
          "intro",
          "standfirst",
          "subtitle",
          "subheadline",
          "excerpt",
          "summary",
          "chapo",
          "chapeau",
          "dek",
          "deck",
          "abstract",
          "teaser");

  private LeadHints() {}

  static boolean lead(Element e) {
    return named(e.className()) || named(e.id());
  }

  private static boolean named(String names) {
    if (names.isEmpty()) {
      return false;
    }
    for (String word : WORD_BREAK.split(names)) {
      if (!word.isEmpty() && LEAD.contains(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
