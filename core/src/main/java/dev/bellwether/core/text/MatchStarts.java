package dev.bellwether.core.text;

import java.util.Optional;

/**
 * Where a match of a regular expression can begin, read from the expression's source: the
 * characters its first consumed character can be, and whether it must begin at a word boundary
 * ({@code \b} before anything else). The reading is conservative: a construct it does not know
 * (inline flags, Unicode properties, back references, ...) makes {@link #of} answer empty, and any
 * character outside ASCII that the expression might begin with counts as every such character. So a
 * position this rejects can never begin a match; one it accepts may or may not.
 *
 * <p>{@link java.util.regex.Pattern} tries a match at every position of a text; for an alternation
 * of words that costs a boundary test and a branch at each character. Scanning for the few
 * positions that can begin a match first, and trying the expression only there, costs one table
 * read per character.
 */
public final class MatchStarts {
  private static final int ASCII = 128;

  // the ASCII characters a match may begin with
  private final boolean[] ascii;
  // whether a match may begin with a character outside ASCII
  private final boolean other;
  // whether a match must begin at a word boundary
  private final boolean atBoundary;

  private MatchStarts(boolean[] ascii, boolean other, boolean atBoundary) {
    this.ascii = ascii;
    this.other = other;
    this.atBoundary = atBoundary;
  }

  /**
   * The starts of matches of {@code regex} (compiled without flags), or empty when the source uses
   * a construct this does not read, or when the expression can match the empty text.
   */
  public static Optional<MatchStarts> of(String regex) {
    try {
      Reader r = new Reader(regex);
      Firsts first = r.alternation();
      if (r.at < regex.length() || first.nullable) {
        return Optional.empty();
      }
      return Optional.of(
          new MatchStarts(first.ascii, first.other, r.branches == 1 && regex.startsWith("\\b")));
    } catch (Unreadable e) {
      return Optional.empty();
    }
  }

  /** The first position at or after {@code from} in {@code text} where a match may begin, or -1. */
  public int next(CharSequence text, int from) {
    int length = text.length();
    for (int i = from; i < length; i++) {
      char c = text.charAt(i);
      if ((c < ASCII ? ascii[c] : other) && (!atBoundary || maybeBoundary(text, i, c))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether {@code \b} may hold before {@code text[i]}: as {@link java.util.regex.Pattern} reads
   * it, where a letter, digit or underscore meets another character. Outside ASCII the answer is
   * yes (marks and the like have their own rules there).
   */
  private static boolean maybeBoundary(CharSequence text, int i, char c) {
    if (i == 0) {
      return c >= ASCII || isWord(c);
    }
    char before = text.charAt(i - 1);
    return c >= ASCII || before >= ASCII || isWord(c) != isWord(before);
  }

  private static boolean isWord(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  /** A part of the expression the reader does not understand. */
  private static final class Unreadable extends Exception {
    Unreadable() {
      super(null, null, false, false);
    }
  }

  /** The characters a part can begin with, and whether it can match the empty text. */
  private static final class Firsts {
    final boolean[] ascii = new boolean[ASCII];
    boolean other;
    boolean nullable;

    static Firsts empty(boolean nullable) {
      Firsts s = new Firsts();
      s.nullable = nullable;
      return s;
    }

    void addAll(Firsts s) {
      for (int c = 0; c < ASCII; c++) {
        ascii[c] |= s.ascii[c];
      }
      other |= s.other;
    }

    void add(char c) {
      if (c < ASCII) {
        ascii[c] = true;
      } else {
        other = true;
      }
    }

    void addRange(char from, char to) {
      for (int c = from; c <= to && c < ASCII; c++) {
        ascii[c] = true;
      }
      if (to >= ASCII) {
        other = true;
      }
    }

    void complement() {
      for (int c = 0; c < ASCII; c++) {
        ascii[c] = !ascii[c];
      }
      other = true; // a negated class matches most of what lies outside ASCII
    }

    static Firsts any() {
      Firsts s = new Firsts();
      s.addRange((char) 0, (char) (ASCII - 1));
      s.other = true;
      return s;
    }
  }

  /** A recursive reading of the subset of {@link java.util.regex.Pattern}'s syntax cues use. */
  private static final class Reader {
    private final String source;
    int at;
    // the branches of the outermost alternation, and how deep in groups the reading is
    int branches;
    private int depth;

    Reader(String source) {
      this.source = source;
    }

    /** {@code a|b|...} up to a closing parenthesis or the end. */
    Firsts alternation() throws Unreadable {
      Firsts all = sequence();
      branches += depth == 0 ? 1 : 0;
      while (at < source.length() && source.charAt(at) == '|') {
        at++;
        branches += depth == 0 ? 1 : 0;
        Firsts next = sequence();
        all.addAll(next);
        all.nullable |= next.nullable;
      }
      return all;
    }

    /** Atoms in a row: a match begins with the first atom's characters, or the next's if empty. */
    Firsts sequence() throws Unreadable {
      Firsts first = Firsts.empty(true);
      while (at < source.length() && source.charAt(at) != '|' && source.charAt(at) != ')') {
        Firsts atom = atom();
        if (quantifierAllowsNone()) {
          atom.nullable = true;
        }
        if (first.nullable) {
          first.addAll(atom);
          first.nullable = atom.nullable;
        }
      }
      return first;
    }

    /** Reads a quantifier after an atom, if any; true when it allows zero repetitions. */
    private boolean quantifierAllowsNone() throws Unreadable {
      if (at >= source.length()) {
        return false;
      }
      char c = source.charAt(at);
      boolean none;
      if (c == '?' || c == '*') {
        at++;
        none = true;
      } else if (c == '+') {
        at++;
        none = false;
      } else if (c == '{') {
        int close = source.indexOf('}', at);
        if (close < 0) {
          throw new Unreadable();
        }
        String bounds = source.substring(at + 1, close);
        if (!bounds.matches("\\d+(?:,\\d*)?")) {
          throw new Unreadable();
        }
        none = Integer.parseInt(bounds.split(",")[0]) == 0;
        at = close + 1;
      } else {
        return false;
      }
      if (at < source.length() && (source.charAt(at) == '?' || source.charAt(at) == '+')) {
        at++; // reluctant or possessive: the same characters begin it
      }
      return none;
    }

    private Firsts atom() throws Unreadable {
      char c = source.charAt(at++);
      switch (c) {
        case '(':
          return group();
        case '[':
          return charClass();
        case '.':
          return Firsts.any();
        case '^':
        case '$':
          return Firsts.empty(true);
        case '\\':
          return escape();
        case '*':
        case '+':
        case '?':
        case '{':
          throw new Unreadable();
        default:
          Firsts s = Firsts.empty(false);
          s.add(c);
          return s;
      }
    }

    private Firsts group() throws Unreadable {
      boolean zeroWidth = false;
      if (source.startsWith("?:", at) || source.startsWith("?>", at)) {
        at += 2;
      } else if (source.startsWith("?=", at) || source.startsWith("?!", at)) {
        at += 2;
        zeroWidth = true;
      } else if (source.startsWith("?<=", at) || source.startsWith("?<!", at)) {
        at += 3;
        zeroWidth = true;
      } else if (source.startsWith("?<", at)) {
        int close = source.indexOf('>', at);
        if (close < 0 || !source.substring(at + 2, close).matches("[a-zA-Z][a-zA-Z0-9]*")) {
          throw new Unreadable();
        }
        at = close + 1;
      } else if (source.startsWith("?", at)) {
        throw new Unreadable(); // inline flags and the like
      }
      depth++;
      Firsts inside = alternation();
      depth--;
      if (at >= source.length() || source.charAt(at) != ')') {
        throw new Unreadable();
      }
      at++;
      return zeroWidth ? Firsts.empty(true) : inside;
    }

    private Firsts escape() throws Unreadable {
      if (at >= source.length()) {
        throw new Unreadable();
      }
      char c = source.charAt(at++);
      Firsts s = Firsts.empty(false);
      switch (c) {
        case 'b':
        case 'B':
        case 'A':
        case 'z':
        case 'Z':
          return Firsts.empty(true);
        case 'w':
          addWord(s);
          return s;
        case 'd':
          s.addRange('0', '9');
          return s;
        case 's':
          addSpace(s);
          return s;
        case 'W':
          addWord(s);
          s.complement();
          return s;
        case 'D':
          s.addRange('0', '9');
          s.complement();
          return s;
        case 'S':
          addSpace(s);
          s.complement();
          return s;
        case 't':
          s.add('\t');
          return s;
        case 'n':
          s.add('\n');
          return s;
        case 'r':
          s.add('\r');
          return s;
        case 'f':
          s.add('\f');
          return s;
        default:
          if (Character.isLetterOrDigit(c)) {
            throw new Unreadable(); // Unicode properties, hexadecimal codes, back references, ...
          }
          s.add(c);
          return s;
      }
    }

    private static void addWord(Firsts s) {
      s.addRange('a', 'z');
      s.addRange('A', 'Z');
      s.addRange('0', '9');
      s.add('_');
    }

    private static void addSpace(Firsts s) {
      for (char c : " \t\n\u000B\f\r".toCharArray()) {
        s.add(c);
      }
    }

    /** {@code [...]} after its opening bracket. */
    private Firsts charClass() throws Unreadable {
      Firsts s = Firsts.empty(false);
      boolean negated = at < source.length() && source.charAt(at) == '^';
      if (negated) {
        at++;
      }
      boolean firstChar = true;
      while (true) {
        if (at >= source.length()) {
          throw new Unreadable();
        }
        char c = source.charAt(at++);
        if (c == ']' && !firstChar) {
          break;
        }
        firstChar = false;
        if (c == '[' || c == '&' && source.startsWith("&", at)) {
          throw new Unreadable(); // unions and intersections
        }
        if (c == '\\') {
          if (at >= source.length()) {
            throw new Unreadable();
          }
          char e = source.charAt(at++);
          Firsts escaped = Firsts.empty(false);
          switch (e) {
            case 'w' -> addWord(escaped);
            case 'd' -> escaped.addRange('0', '9');
            case 's' -> addSpace(escaped);
            case 't' -> escaped.add('\t');
            case 'n' -> escaped.add('\n');
            case 'r' -> escaped.add('\r');
            case 'f' -> escaped.add('\f');
            default -> {
              if (Character.isLetterOrDigit(e)) {
                throw new Unreadable();
              }
              escaped.add(e);
            }
          }
          s.addAll(escaped);
          continue;
        }
        if (at + 1 < source.length()
            && source.charAt(at) == '-'
            && source.charAt(at + 1) != ']'
            && source.charAt(at + 1) != '\\'
            && source.charAt(at + 1) != '[') {
          char to = source.charAt(at + 1);
          if (to < c) {
            throw new Unreadable();
          }
          s.addRange(c, to);
          at += 2;
          continue;
        }
        s.add(c);
      }
      if (negated) {
        s.complement();
      }
      return s;
    }
  }
}
