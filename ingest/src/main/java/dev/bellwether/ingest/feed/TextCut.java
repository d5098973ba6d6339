package dev.bellwether.ingest.feed;

/** Cutting text from outside to a bounded length, for titles and article text. */
public final class TextCut {
  private TextCut() {}

  /**
   * {@code text} if it has at most {@code max} characters, else its first {@code max - 1} and an
   * ellipsis; a surrogate pair is never split.
   */
  public static String toLength(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "\u2026";
  }
}
