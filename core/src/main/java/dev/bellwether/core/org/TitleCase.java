package dev.bellwether.core.org;

import java.util.List;
import java.util.Set;

/**
 * Tells which sentences are written in title case, as headlines are ("Nvidia Shares Jump After
 * Record Quarter"): at least four words that title case would capitalize, three in four of them
 * capitalized. In such a sentence capitals say little about names.
 */
final class TitleCase {
  /** Words that title case leaves in lower case. */
  private static final Set<String> SMALL =
      Set.of(
          "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "for", "by",
          "with", "as", "from", "vs", "via", "per", "into", "over", "amid", "up");

  private TitleCase() {}

  /** Per sentence index, whether the sentence is in title case. */
  static boolean[] sentences(List<Token> tokens) {
    int count = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).sentence() + 1;
    int[] words = new int[count];
    int[] capitalized = new int[count];
    for (Token t : tokens) {
      if (!Character.isLetter(t.text().charAt(0)) || SMALL.contains(t.text())) {
        continue;
      }
      words[t.sentence()]++;
      capitalized[t.sentence()] += t.capitalized() ? 1 : 0;
    }
    boolean[] title = new boolean[count];
    for (int s = 0; s < count; s++) {
      title[s] = words[s] >= 4 && capitalized[s] * 4 >= words[s] * 3;
    }
    return title;
  }
}
