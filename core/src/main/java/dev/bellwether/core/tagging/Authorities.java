package dev.bellwether.core.tagging;

import dev.bellwether.core.text.Regex;
import java.util.Map;
import java.util.Optional;

/**
 * The governments and agencies that impose export controls, as named in news text: the {@code
 * authorities} table of the {@link CueBook}, in its order of precedence.
 */
final class Authorities {
  private final Map<String, Regex> table;

  Authorities(Map<String, Regex> table) {
    this.table = table;
  }

  /** The first authority, in the table's order of precedence, named in the text. */
  Optional<String> of(String text) {
    for (Map.Entry<String, Regex> e : table.entrySet()) {
      if (e.getValue().in(text)) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }
}
