package dev.bellwether.core.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

  /** How long the fixed texts that begin matches are read. */
  private static final int MAX_TEXT = 5;

  /** How many such texts at most, else only the first characters are read. */
  private static final int MAX_TEXTS = 200;

  /** The most characters a class may list to be read as that many one-character texts. */
  private static final int MAX_CLASS = 4;

  // the ASCII characters a match may begin with
  private final boolean[] ascii;
  // whether a match may begin with a character outside ASCII
  private final boolean other;
  // whether a match must begin at a word boundary
  private final boolean atBoundary;
  // whether a match must begin at the start of the text ({@code ^} before anything else)
  private final boolean atStart;
  // the texts one of which every match begins with, by first character (ASCII, then the rest in
  // one list); null when the expression has a branch that does not begin with a fixed text
  private final String[][] byFirst;
  private final String[] otherFirst;
  // per ASCII first character with texts, when all of them are longer than one character: the
  // ASCII characters the second may be (a bit per character in two longs), and whether it may be
  // one outside ASCII; null where any second character may do
  private final long[] secondLow;
  private final long[] secondHigh;
  private final boolean[] secondOther;
  private final boolean[] secondAny;
  // whether every match begins with an ASCII word character after a boundary, so only the starts
  // of words can begin one
  private final boolean atWordStarts;
  // for that reading, a bit per pair of an ASCII first character and the second ({@link
  // WordStarts#key}): set where the pair may begin a match, as far as two characters tell
  private final long[] pairs;

  /** ASCII letters, digits and the underscore: what {@code \b} reads as word characters. */
  private static final boolean[] WORD = new boolean[ASCII];

  static {
    for (int c = 0; c < ASCII; c++) {
      WORD[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
  }

  private MatchStarts(Firsts first, boolean atBoundary, boolean atStart) {
    this.atBoundary = atBoundary;
    this.atStart = atStart;
    Set<String> texts = first.lits == null || first.lits.contains("") ? null : first.lits;
    if (texts == null) {
      ascii = first.ascii;
      other = first.other;
      byFirst = null;
      otherFirst = null;
      secondLow = null;
      secondHigh = null;
      secondOther = null;
      secondAny = null;
      atWordStarts = atWordStarts(ascii, other, atBoundary);
      pairs = pairs();
      return;
    }
    // the texts' own first characters say more than the characters read without them
    ascii = new boolean[ASCII];
    byFirst = new String[ASCII][];
    List<String> rest = new ArrayList<>();
    for (String t : shortest(texts)) {
      char c = t.charAt(0);
      if (c < ASCII) {
        ascii[c] = true;
        String[] bucket = byFirst[c] == null ? new String[0] : byFirst[c];
        bucket = Arrays.copyOf(bucket, bucket.length + 1);
        bucket[bucket.length - 1] = t;
        byFirst[c] = bucket;
      } else {
        rest.add(t);
      }
    }
    other = !rest.isEmpty();
    otherFirst = rest.toArray(new String[0]);
    secondLow = new long[ASCII];
    secondHigh = new long[ASCII];
    secondOther = new boolean[ASCII];
    secondAny = new boolean[ASCII];
    atWordStarts = atWordStarts(ascii, other, atBoundary);
    for (int c = 0; c < ASCII; c++) {
      String[] bucket = byFirst[c];
      boolean any = bucket == null;
      for (int k = 0; !any && k < bucket.length; k++) {
        any = bucket[k].length() < 2;
      }
      if (any) {
        secondAny[c] = true;
        continue;
      }
      for (String t : bucket) {
        char d = t.charAt(1);
        if (d >= ASCII) {
          secondOther[c] = true;
        } else if (d < 64) {
          secondLow[c] |= 1L << d;
        } else {
          secondHigh[c] |= 1L << (d - 64);
        }
      }
    }
    pairs = pairs();
  }

  /**
   * The pairs of first and second character that may begin a match: every second character after a
   * first one without texts or with a text of one character; else the texts' second characters (any
   * outside ASCII as {@link WordStarts#OTHER}, which also stands for DEL). A pair says less than
   * the texts, never more, and the texts are compared after it.
   */
  private long[] pairs() {
    long[] bits = new long[ASCII * ASCII / Long.SIZE];
    for (int c = 0; c < ASCII; c++) {
      if (!ascii[c]) {
        continue;
      }
      for (int d = 0; d < ASCII; d++) {
        boolean may =
            byFirst == null
                || secondAny[c]
                || ((d < 64 ? secondLow[c] >>> d : secondHigh[c] >>> (d - 64)) & 1L) != 0
                || d == WordStarts.OTHER && secondOther[c];
        if (may) {
          int key = c << 7 | d;
          bits[key >>> 6] |= 1L << key;
        }
      }
    }
    return bits;
  }

  private static boolean atWordStarts(boolean[] ascii, boolean other, boolean atBoundary) {
    if (!atBoundary || other) {
      return false;
    }
    for (int c = 0; c < ASCII; c++) {
      if (ascii[c] && !WORD[c]) {
        return false;
      }
    }
    return true;
  }

  /** The texts without those that begin with another of them (which says the same, sooner). */
  private static List<String> shortest(Set<String> texts) {
    List<String> sorted = new ArrayList<>(new TreeSet<>(texts));
    List<String> kept = new ArrayList<>();
    for (String t : sorted) {
      if (kept.isEmpty() || !t.startsWith(kept.get(kept.size() - 1))) {
        kept.add(t);
      }
    }
    return kept;
  }

  /**
   * The starts of matches of {@code regex} (compiled without flags), or empty when the source uses
   * a construct this does not read, or when the expression can match the empty text.
   */
  public static Optional<MatchStarts> of(String regex) {
    // "(?i)" before everything: ASCII letters in either case; read the rest, then add to each
    // letter the other case (and use no fixed texts)
    boolean foldCase = regex.startsWith("(?i)");
    String body = foldCase ? regex.substring(4) : regex;
    try {
      Reader r = new Reader(body, foldCase);
      Firsts first = r.alternation();
      if (r.at < body.length() || first.nullable) {
        return Optional.empty();
      }
      if (foldCase) {
        first.foldCase();
      }
      boolean oneBranch = r.branches == 1;
      return Optional.of(
          new MatchStarts(
              first, oneBranch && body.startsWith("\\b"), oneBranch && body.startsWith("^")));
    } catch (Unreadable e) {
      return Optional.empty();
    }
  }

  /**
   * The first position at or after {@code from} in {@code text} where a match may begin, or -1. The
   * text must be all the text the expression reads: {@code ^} holds only at its start.
   */
  public int next(CharSequence text, int from) {
    if (atWordStarts && !atStart && text instanceof String) {
      return nextAtWordStart((String) text, from);
    }
    int end = text.length();
    int length = atStart ? Math.min(1, end) : end;
    for (int i = from; i < length; i++) {
      char c = text.charAt(i);
      if (c < ASCII) {
        if (!ascii[c]
            || atBoundary && !maybeBoundary(text, i, c)
            || byFirst != null
                && !(secondMayFollow(text, i, end, c) && beginsWithOne(text, i, end, byFirst[c]))) {
          continue;
        }
        return i;
      }
      if (other
          && (!atBoundary || maybeBoundary(text, i, c))
          && (byFirst == null || beginsWithOne(text, i, end, otherFirst))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@link #next} for an expression whose matches begin at the start of a word: reads only the
   * starts of words, which are found once per text and thread ({@link WordStarts}) and shared by
   * every expression asked about the same text.
   */
  private int nextAtWordStart(String text, int from) {
    WordStarts words = WordStarts.of(text);
    int[] starts = words.starts;
    int[] keys = words.keys;
    int end = text.length();
    for (int k = words.firstAtOrAfter(from); k < words.count; k++) {
      int key = keys[k];
      if ((pairs[key >>> 6] & 1L << key) != 0
          && (byFirst == null || beginsWithOne(text, starts[k], end, byFirst[key >>> 7]))) {
        return starts[k];
      }
    }
    return -1;
  }

  /**
   * Where the words of a text begin: each ASCII letter, digit or underscore that is first in the
   * text or follows another character (outside ASCII too, where {@code \b} may or may not hold, so
   * that no start is missed). Kept per thread for the two texts last asked about: the cue patterns
   * ask about the same sentence, lower-cased and as written, one after another. Strings cannot
   * change, so the same instance has the same starts.
   */
  static final class WordStarts {
    // the two texts last asked about per thread (cues read a sentence both lower-cased and as
    // written), the one asked about last first
    private static final ThreadLocal<WordStarts[]> LAST =
        ThreadLocal.withInitial(() -> new WordStarts[] {new WordStarts(), new WordStarts()});

    /** The second character of a key when it lies outside ASCII (shared with DEL). */
    static final int OTHER = ASCII - 1;

    private String text;
    private int[] starts = new int[64];
    // per start, its character and the next as one number (first * 128 + second): the second
    // outside ASCII is OTHER, and 0 (with NUL) where the text ends after the first
    private int[] keys = new int[64];
    private int count;

    static WordStarts of(String text) {
      WordStarts[] last = LAST.get();
      WordStarts w = last[0];
      if (w.text == text) {
        return w;
      }
      w = last[1];
      if (w.text != text) {
        w.read(text);
      }
      last[1] = last[0];
      last[0] = w;
      return w;
    }

    private void read(String text) {
      int n = 0;
      boolean afterWord = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean word = c < ASCII && WORD[c];
        if (word && !afterWord) {
          if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
            keys = Arrays.copyOf(keys, n * 2);
          }
          starts[n] = i;
          keys[n++] = key(c, i + 1 < text.length() ? text.charAt(i + 1) : 0);
        }
        afterWord = word;
      }
      this.count = n;
      this.text = text;
    }

    static int key(char first, int second) {
      return first << 7 | (second < ASCII ? second : OTHER);
    }

    /** The index of the first start at or after {@code from}. */
    int firstAtOrAfter(int from) {
      int lo = 0;
      int hi = count;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (starts[mid] < from) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  /**
   * Whether the character after {@code text[i]}, an ASCII character with texts, may be the second
   * of one of them: a bit test that spares comparing the texts one by one at most positions.
   */
  private boolean secondMayFollow(CharSequence text, int i, int end, char c) {
    if (secondAny[c]) {
      return true;
    }
    if (i + 1 >= end) {
      return false; // no text of one character, and the longer ones do not fit
    }
    char d = text.charAt(i + 1);
    if (d >= ASCII) {
      return secondOther[c];
    }
    return ((d < 64 ? secondLow[c] : secondHigh[c]) & 1L << d) != 0;
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

  /**
   * Whether a match of the expression read on {@code text[at, end)} as the whole text may begin at
   * its start, by the characters and fixed texts matches begin with (word boundaries aside).
   */
  public boolean mayBeginAt(CharSequence text, int at, int end) {
    if (at >= end) {
      return false;
    }
    char c = text.charAt(at);
    return (c < ASCII ? ascii[c] : other)
        && (byFirst == null || beginsWithOne(text, at, end, c < ASCII ? byFirst[c] : otherFirst));
  }

  /** Whether every match begins at the start of the text ({@code ^} before anything else). */
  public boolean atStart() {
    return atStart;
  }

  private static boolean beginsWithOne(CharSequence text, int at, int end, String[] texts) {
    for (String t : texts) {
      if (at + t.length() <= end && isAt(text, at, t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAt(CharSequence text, int at, String t) {
    for (int k = 1; k < t.length(); k++) { // the first character is known to be the same
      if (text.charAt(at + k) != t.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWord(char c) {
    return WORD[c];
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
    // the fixed texts a match of the part begins with (each cut at MAX_TEXT characters), or null
    // when some match begins otherwise; "" is the empty match
    Set<String> lits;
    // whether each text shorter than MAX_TEXT is a whole match, so what follows may extend it
    boolean complete;

    /** A part that matches exactly one of these texts. */
    Firsts literally(Collection<String> texts) {
      lits = new HashSet<>(texts);
      complete = true;
      return this;
    }

    static Firsts empty(boolean nullable) {
      Firsts s = new Firsts();
      s.nullable = nullable;
      return s;
    }

    /** A part that consumes nothing ({@code \b}, look-arounds, anchors). */
    static Firsts zeroWidth() {
      return empty(true).literally(List.of(""));
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

    /**
     * ASCII letters in both cases, and no fixed texts. Without {@code UNICODE_CASE} a pattern folds
     * the case of ASCII letters only, so what lies outside ASCII stays as read.
     */
    void foldCase() {
      for (int c = 'a'; c <= 'z'; c++) {
        char upper = (char) (c - 'a' + 'A');
        boolean either = ascii[c] || ascii[upper];
        ascii[c] = either;
        ascii[upper] = either;
      }
      lits = null;
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

    // whether the expression began with (?i): then (?i: and (?-i: groups are read as plain groups
    // (what they match, in whichever case, is within what the case-folded reading allows)
    private final boolean foldCase;

    Reader(String source, boolean foldCase) {
      this.source = source;
      this.foldCase = foldCase;
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
        if (all.lits != null && next.lits != null) {
          all.lits.addAll(next.lits);
          all.complete &= next.complete;
        } else {
          all.lits = null;
        }
      }
      return all;
    }

    /** Atoms in a row: a match begins with the first atom's characters, or the next's if empty. */
    Firsts sequence() throws Unreadable {
      Firsts first = Firsts.empty(true);
      Set<String> texts = new HashSet<>(List.of(""));
      boolean open = true; // whether the texts may still grow by what follows
      while (at < source.length() && source.charAt(at) != '|' && source.charAt(at) != ')') {
        Firsts atom = quantified(atom());
        if (first.nullable) {
          first.addAll(atom);
          first.nullable = atom.nullable;
        }
        if (open) {
          Set<String> longer = atom.lits == null ? null : joined(texts, atom.lits);
          if (longer == null) {
            open = false;
          } else {
            texts = longer;
            open = atom.complete;
          }
        }
      }
      first.lits = texts;
      first.complete = open;
      return first;
    }

    /**
     * Each text of {@code before} followed by each of {@code after}, cut at {@link #MAX_TEXT}; null
     * when there would be too many.
     */
    private static Set<String> joined(Set<String> before, Set<String> after) {
      Set<String> out = new HashSet<>();
      for (String b : before) {
        if (b.length() >= MAX_TEXT) {
          out.add(b);
          continue;
        }
        for (String a : after) {
          String t = b + a;
          out.add(t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t);
        }
        if (out.size() > MAX_TEXTS) {
          return null;
        }
      }
      return out;
    }

    /** The atom with the quantifier after it, if any, applied. */
    private Firsts quantified(Firsts atom) throws Unreadable {
      int min;
      boolean once = false;
      if (at >= source.length()) {
        return atom;
      }
      char c = source.charAt(at);
      if (c == '?') {
        at++;
        min = 0;
        once = true;
      } else if (c == '*') {
        at++;
        min = 0;
      } else if (c == '+') {
        at++;
        min = 1;
      } else if (c == '{') {
        int close = source.indexOf('}', at);
        if (close < 0) {
          throw new Unreadable();
        }
        String bounds = source.substring(at + 1, close);
        if (!bounds.matches("\\d+(?:,\\d*)?")) {
          throw new Unreadable();
        }
        String[] range = bounds.split(",", -1);
        min = Integer.parseInt(range[0]);
        int max =
            range.length == 1
                ? min
                : range[1].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(range[1]);
        once = max == 1;
        at = close + 1;
      } else {
        return atom;
      }
      if (at < source.length() && (source.charAt(at) == '?' || source.charAt(at) == '+')) {
        at++; // reluctant or possessive: the same characters begin it
      }
      if (min == 0) {
        atom.nullable = true;
        if (atom.lits != null) {
          atom.lits.add(""); // none of it
        }
      }
      atom.complete &= once; // more repetitions may follow the first
      return atom;
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
          return Firsts.zeroWidth();
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
          return s.literally(List.of(String.valueOf(c)));
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
      } else if (foldCase && source.startsWith("?-i:", at)) {
        at += 4;
      } else if (foldCase && source.startsWith("?i:", at)) {
        at += 3;
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
      return zeroWidth ? Firsts.zeroWidth() : inside;
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
          return Firsts.zeroWidth();
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
          return s.literally(List.of(String.valueOf(c)));
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
      // the class's characters when it lists a few plainly, as fixed texts of one character
      Set<String> plain = new HashSet<>();
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
          plain = null;
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
          plain = null;
          continue;
        }
        s.add(c);
        if (plain != null) {
          plain.add(String.valueOf(c));
        }
      }
      if (negated) {
        s.complement();
      } else if (plain != null && plain.size() <= MAX_CLASS) {
        s.literally(plain);
      }
      return s;
    }
  }
}
