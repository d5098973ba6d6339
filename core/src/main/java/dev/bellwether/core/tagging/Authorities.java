package dev.bellwether.core.tagging;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The governments and agencies that impose export controls, as named in news text: the {@code
 * authorities} table of the {@link CueBook}, in its order of precedence.
 */
final class Authorities {
  private final Map<String, Pattern> table;

  Authorities(Map<String, Pattern> table) {
    this.table = table;
  }

  /** The first authority, in the table's order of precedence, named in the text. */
  Optional<String> of(String text) {
    for (Map.Entry<String, Pattern> e : table.entrySet()) {
      if (e.getValue().matcher(text).find()) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }
}
