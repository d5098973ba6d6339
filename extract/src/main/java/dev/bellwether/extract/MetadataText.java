package dev.bellwether.extract;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Small text rules shared by the metadata readers. */
final class MetadataText {
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u3000]+");

  private MetadataText() {}

  /** The text with runs of white space (including no-break and wide spaces) as one space. */
  static String clean(@Nullable String text) {
    return text == null ? "" : SPACES.matcher(text).replaceAll(" ").strip();
  }

  /** The number of words, separated by white space. */
  static int words(String text) {
    String cleaned = clean(text);
    return cleaned.isEmpty() ? 0 : cleaned.split(" ").length;
  }
}
