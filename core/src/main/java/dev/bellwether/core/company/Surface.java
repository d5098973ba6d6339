package dev.bellwether.core.company;

import java.util.List;

/**
 * One way of writing a company's name in text, with the rules that tell it apart from the same word
 * meaning something else.
 *
 * @param text the words as written in the knowledge base
 * @param company the canonical company name
 * @param caseSensitive whether the text must match exactly; otherwise only the first letter's case
 *     must match ("NVIDIA" matches "Nvidia", "apple" does not match "Apple")
 * @param unlessNear words that, near the match, mean it is not this company
 * @param onlyNear words of which one must be near the match (empty = no such condition)
 */
record Surface(
    String text,
    String company,
    boolean caseSensitive,
    List<String> unlessNear,
    List<String> onlyNear) {
  Surface {
    unlessNear = List.copyOf(unlessNear);
    onlyNear = List.copyOf(onlyNear);
  }

  static Surface plain(String text, String company) {
    return new Surface(text, company, false, List.of(), List.of());
  }
}
