package dev.bellwether.core.org;

import dev.bellwether.core.org.Token.Gap;
import dev.bellwether.core.tagging.CompanyMention;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a text into {@link Token words} in one pass, noting sentences as it goes: a sentence ends
 * at a line break or at a {@code . ! ?} that is not the period of an abbreviation ("Inc.", "U.S.",
 * "Jan."). A word runs over letters and digits and over {@code . & - : '} between them
 * ("Character.AI", "AT&T", "Run:ai", "O'Neil"); a possessive ending and a lower-case tail after a
 * hyphen ("Tokyo-based") are noted on the word instead of being part of it.
 */
final class Tokenizer {
  /** Words that a period follows without ending the sentence, without that period. */
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "Inc", "Corp", "Co", "Ltd", "Bhd", "Cos", "Bros", "Intl", "Hldgs", "Jr", "Sr", "Mr",
          "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Mt", "No",
          "vs", "Dept", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
          "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "approx",
          "est");

  /** Words that a single letter follows as a name, not as an initial ("Series A", "Plan B"). */
  private static final Set<String> LETTER_NAMES =
      Set.of("Series", "Class", "Plan", "Tier", "Round");

  private static final String INNER = ".&-:'’";
  private static final String SPACES = " \t\u00A0\u2009\u202F";
  private static final String OPENING_QUOTES = "\"“‘";

  private final String text;
  private final List<CompanyMention> known;
  private final List<Token> out;
  private int nextKnown;
  private int sentence;

  private Tokenizer(String text, List<CompanyMention> known) {
    this.text = text;
    this.known = known;
    this.out = new ArrayList<>(text.length() / 5 + 1);
  }

  /**
   * The words of {@code text}, in order.
   *
   * @param known mentions of known companies, sorted by start: the words within them are marked
   *     {@link Token#KNOWN}
   */
  static List<Token> tokens(String text, List<CompanyMention> known) {
    Tokenizer t = new Tokenizer(text, known);
    t.scan();
    return t.out;
  }

  private void scan() {
    int gapStart = 0;
    int i = 0;
    while (i < text.length()) {
      if (!isWordChar(text.charAt(i))) {
        i++;
        continue;
      }
      i = word(i, gapStart);
      gapStart = i;
    }
  }

  /** Reads the word starting at {@code start}, after the gap from {@code gapStart}: its end. */
  private int word(int start, int gapStart) {
    Gap gap = gap(gapStart, start);
    boolean startsSentence = out.isEmpty() || opensSentence(gapStart, start);
    if (!out.isEmpty() && endsSentence(gapStart, start)) {
      sentence++;
      startsSentence = true;
    }
    int end = innerEnd(start);
    if (end < text.length() && text.charAt(end) == '.' && isAbbreviation(start, end)) {
      end++;
    }
    int wordEnd = end;
    String suffix = "";
    int split = hyphenTail(start, end);
    if (split > 0) {
      suffix = text.substring(split + 1, end);
      wordEnd = split;
    }
    int possessive = possessiveEnd(end);
    int after = possessive > 0 ? possessive : end;
    if (suffix.isEmpty() && possessive < 0) {
      int tailEnd = trailingHyphenTail(end);
      if (tailEnd > end) {
        suffix = text.substring(end + 1, tailEnd);
        after = tailEnd;
      }
    }
    String word = text.substring(start, wordEnd);
    int flags = flags(word) | (possessive > 0 ? Token.POSSESSIVE : 0);
    flags |= startsSentence ? Token.SENTENCE_START : 0;
    flags |= isKnown(start, wordEnd) ? Token.KNOWN : 0;
    out.add(new Token(word, start, wordEnd, suffix, flags, gap, sentence));
    return after;
  }

  /** The end of the letters and digits from {@code start}, with the joiners between them. */
  private int innerEnd(int start) {
    int j = start + 1;
    while (j < text.length()) {
      char ch = text.charAt(j);
      if (isWordChar(ch)) {
        j++;
      } else if (INNER.indexOf(ch) >= 0
          && j + 1 < text.length()
          && isWordChar(text.charAt(j + 1))
          && !(isApostrophe(ch) && possessiveEnd(j) > 0)) {
        j += 2;
      } else {
        break;
      }
    }
    return j;
  }

  /** Where a possessive ending at {@code at} ends ("'s", or "'" after an s), or -1. */
  private int possessiveEnd(int at) {
    if (at >= text.length() || !isApostrophe(text.charAt(at))) {
      return -1;
    }
    if (at + 1 < text.length() && (text.charAt(at + 1) == 's' || text.charAt(at + 1) == 'S')) {
      return isWordCharAt(at + 2) ? -1 : at + 2;
    }
    return at > 0 && text.charAt(at - 1) == 's' && !isWordCharAt(at + 1) ? at + 1 : -1;
  }

  /**
   * Where a capitalized word splits from its lower-case tail ("Aviv-based", "Start-up"): the first
   * hyphen after which there are only lower-case letters and hyphens; -1 if none.
   */
  private int hyphenTail(int start, int end) {
    if (!Character.isUpperCase(text.charAt(start))) {
      return -1;
    }
    int split = -1;
    for (int j = end - 1; j > start; j--) {
      char ch = text.charAt(j);
      if (ch == '-') {
        split = j + 1 < end ? j : split;
      } else if (!Character.isLowerCase(ch)) {
        return split;
      }
    }
    return split;
  }

  /** The end of a lower-case tail right after an abbreviation's period ("U.S.-based"), or end. */
  private int trailingHyphenTail(int end) {
    if (end + 1 >= text.length()
        || text.charAt(end) != '-'
        || !Character.isLowerCase(text.charAt(end + 1))) {
      return end;
    }
    int j = end + 1;
    while (j < text.length() && (Character.isLowerCase(text.charAt(j)) || text.charAt(j) == '-')) {
      j++;
    }
    return j;
  }

  private boolean isAbbreviation(int start, int end) {
    String word = text.substring(start, end);
    if (ABBREVIATIONS.contains(word)) {
      return true;
    }
    if (word.length() == 1) {
      return Character.isLetter(word.charAt(0)) && isInitial();
    }
    return word.indexOf('.') > 0 && shortParts(word);
  }

  /** Whether a letter and a period are an initial ("T. Rowe Price"), not a round ("Series A."). */
  private boolean isInitial() {
    return out.isEmpty() || !LETTER_NAMES.contains(out.get(out.size() - 1).text());
  }

  /** Whether every part between periods has at most two letters ("U.S", "S.A", "e.g"). */
  private static boolean shortParts(String word) {
    int part = 0;
    for (int k = 0; k < word.length(); k++) {
      char ch = word.charAt(k);
      part = ch == '.' ? 0 : part + 1;
      if (part > 2 || !(ch == '.' || Character.isLetter(ch))) {
        return false;
      }
    }
    return true;
  }

  private static int flags(String word) {
    int flags = 0;
    char first = word.charAt(0);
    boolean upperLater = false;
    for (int k = 0; k < word.length(); k++) {
      char ch = word.charAt(k);
      flags |= Character.isDigit(ch) ? Token.DIGIT : 0;
      upperLater |= k > 0 && Character.isUpperCase(ch);
    }
    if (Character.isUpperCase(first)) {
      flags |= Token.CAP;
    } else if (Character.isLowerCase(first)
        && upperLater
        && (flags & Token.DIGIT) == 0
        && word.indexOf('-') < 0) {
      flags |= Token.CAMEL;
    }
    return flags;
  }

  private Gap gap(int from, int to) {
    if (out.isEmpty() || from >= to) {
      return Gap.BREAK;
    }
    int k = from;
    boolean comma = false;
    if (text.charAt(k) == ',') {
      comma = true;
      k++;
    }
    for (; k < to; k++) {
      if (SPACES.indexOf(text.charAt(k)) < 0) {
        return Gap.BREAK;
      }
    }
    return comma ? Gap.COMMA : Gap.SPACE;
  }

  private boolean endsSentence(int from, int to) {
    for (int k = from; k < to; k++) {
      char ch = text.charAt(k);
      if (ch == '.' || ch == '!' || ch == '?' || ch == '\n' || ch == '\r' || ch == '…') {
        return true;
      }
    }
    return false;
  }

  /** Whether a colon or an opening quote comes just before the word, as in a headline. */
  private boolean opensSentence(int from, int to) {
    for (int k = to - 1; k >= from; k--) {
      char ch = text.charAt(k);
      if (ch == ':' || OPENING_QUOTES.indexOf(ch) >= 0) {
        return true;
      }
      if (SPACES.indexOf(ch) < 0) {
        return false;
      }
    }
    return false;
  }

  private boolean isKnown(int start, int end) {
    while (nextKnown < known.size() && known.get(nextKnown).end() <= start) {
      nextKnown++;
    }
    return nextKnown < known.size() && known.get(nextKnown).start() < end;
  }

  private boolean isWordCharAt(int at) {
    return at < text.length() && isWordChar(text.charAt(at));
  }

  /** A letter or digit of any script, answered quickly for ASCII. */
  private static boolean isWordChar(char c) {
    if (c < 128) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
    return Character.isLetterOrDigit(c);
  }

  private static boolean isApostrophe(char ch) {
    return ch == '\'' || ch == '’';
  }
}
