package dev.bellwether.core.org;

import java.util.Locale;

/**
 * A word of a text as the finder reads it.
 *
 * @param text the word as written, with the period of an abbreviation ("U.S.", "Inc.") but without
 *     a possessive ending or a lower-case tail after a hyphen
 * @param start where the word starts in the text
 * @param end where {@link #text} ends in the text (exclusive)
 * @param suffix the lower-case tail after a hyphen ("based" in "Tokyo-based"), or empty
 * @param flags the {@code Token} bit flags
 * @param gap what separates the word from the word before it
 * @param sentence the index of the word's sentence in the text
 */
record Token(String text, int start, int end, String suffix, int flags, Gap gap, int sentence) {
  /** Starts with a capital letter. */
  static final int CAP = 1;

  /** Starts with a lower-case letter and has a capital later ("xAI", "iFlytek"). */
  static final int CAMEL = 1 << 1;

  /** Has a digit. */
  static final int DIGIT = 1 << 2;

  /** Is followed by a possessive ending ("Cohere's", "Partners'"). */
  static final int POSSESSIVE = 1 << 3;

  /** Begins a sentence, a headline, or a clause after a colon or an opening quote. */
  static final int SENTENCE_START = 1 << 4;

  /** Lies within a mention of a company the knowledge base knows. */
  static final int KNOWN = 1 << 5;

  /** What lies between a word and the word before it. */
  enum Gap {
    /** Only spaces: the two words may belong to one name. */
    SPACE,
    /** A comma and spaces ("CoreWeave, Inc."). */
    COMMA,
    /** Anything else: other punctuation, a line break, or no word before. */
    BREAK
  }

  boolean is(int flag) {
    return (flags & flag) != 0;
  }

  /** Starts with a capital, or is a lower-case-led name like "xAI". */
  boolean capitalized() {
    return (flags & (CAP | CAMEL)) != 0;
  }

  /** Whether this word may continue a name: it is joined to the word before by spaces only. */
  boolean joinsPrevious() {
    return gap == Gap.SPACE;
  }

  /** Whether nothing (a possessive, a hyphenated tail) ends a name right after this word. */
  boolean openEnded() {
    return suffix.isEmpty() && !is(POSSESSIVE);
  }

  String lower() {
    return text.toLowerCase(Locale.ROOT);
  }
}
