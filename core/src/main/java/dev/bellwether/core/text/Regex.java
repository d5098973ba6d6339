package dev.bellwether.core.text;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled regular expression that looks for matches only where one can begin ({@link
 * MatchStarts}), and otherwise answers exactly as {@link Pattern} does: the same matches, in the
 * same order, with the same groups. At each position that may begin a match the expression is tried
 * with {@link Matcher#lookingAt} over a region from there to the end whose bounds are transparent
 * (look-behinds and {@code \b} see the text before it) and not anchoring ({@code ^} holds only at
 * the real start), which is what {@link Matcher#find} tries at that position.
 *
 * <p>An expression whose source {@link MatchStarts} cannot read is searched as {@link Pattern}
 * searches. Immutable and safe to share; the matchers it hands out are not.
 */
public final class Regex {
  /**
   * For measuring what the narrowing buys ({@code docs/benchmarks.md}): with the system property
   * {@code bellwether.regex.narrowing=none} every expression is searched as {@link Pattern}
   * searches.
   */
  private static final boolean NARROWING =
      !"none".equals(System.getProperty("bellwether.regex.narrowing"));

  private final Pattern pattern;
  private final MatchStarts starts; // null: search every position
  // one matcher per thread for the answers that hand no matcher out (in, startsIn): creating a
  // matcher allocates its group arrays, which costs more than many short searches
  private final ThreadLocal<Matcher> spare;

  private Regex(Pattern pattern) {
    this.pattern = pattern;
    this.starts = NARROWING ? MatchStarts.of(pattern.pattern()).orElse(null) : null;
    this.spare = ThreadLocal.withInitial(() -> pattern.matcher(""));
  }

  /**
   * @throws java.util.regex.PatternSyntaxException as {@link Pattern#compile(String)}
   */
  public static Regex compile(String source) {
    return new Regex(Pattern.compile(source));
  }

  public Pattern pattern() {
    return pattern;
  }

  /** Whether the search skips positions that cannot begin a match. */
  public boolean isNarrowed() {
    return starts != null;
  }

  /** Whether the expression occurs anywhere in {@code text}. */
  public boolean in(CharSequence text) {
    return new Scan(text, spare(text, starts != null)).next();
  }

  /**
   * Whether the expression occurs in {@code text[from, to)}, read as if that range were the whole
   * text (as {@link Matcher#region} with its default bounds reads it).
   */
  public boolean in(CharSequence text, int from, int to) {
    if (starts != null && starts.atStart()) {
      return startsIn(text, from, to); // ^ holds only at the range's start
    }
    if (starts == null || from == 0 && to == text.length()) {
      return from == 0 && to == text.length()
          ? in(text)
          : spare(text, false).region(from, to).find();
    }
    return in(text.subSequence(from, to));
  }

  /** Whether {@code text[from, to)}, read as the whole text, begins with a match. */
  public boolean startsIn(CharSequence text, int from, int to) {
    if (starts != null && !starts.mayBeginAt(text, from, to)) {
      return false;
    }
    return spare(text, false).region(from, to).lookingAt();
  }

  /**
   * This thread's spare matcher, reset to {@code text}, with the bounds a new matcher has ({@code
   * narrowed} false) or those the search at match starts uses. Only for answers that do not hand
   * the matcher out, and never while another such answer of this expression is in progress (none
   * calls out of this class while it searches).
   */
  private Matcher spare(CharSequence text, boolean narrowed) {
    Matcher m = spare.get().reset(text);
    return m.useTransparentBounds(narrowed).useAnchoringBounds(!narrowed);
  }

  /** The first match in {@code text}, its groups readable until the matcher is used again. */
  public Optional<Matcher> first(CharSequence text) {
    Scan scan = scan(text);
    return scan.next() ? Optional.of(scan.matcher()) : Optional.empty();
  }

  /** Where the first match in {@code text} starts, or -1 when there is none. */
  public int firstStart(CharSequence text) {
    Scan scan = new Scan(text, spare(text, starts != null));
    return scan.next() ? scan.matcher().start() : -1;
  }

  /** The matches in {@code text} in order, one at a time. */
  public Scan scan(CharSequence text) {
    Matcher matcher = pattern.matcher(text);
    if (starts != null) {
      matcher.useTransparentBounds(true).useAnchoringBounds(false);
    }
    return new Scan(text, matcher);
  }

  /** {@code text} with each match replaced by what {@code replacer} makes of it. */
  public String replaceAll(CharSequence text, Function<MatchResult, String> replacer) {
    Scan scan = scan(text);
    StringBuilder out = null;
    int copied = 0;
    while (scan.next()) {
      Matcher m = scan.matcher();
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, m.start()).append(replacer.apply(m));
      copied = m.end();
    }
    return out == null ? text.toString() : out.append(text, copied, text.length()).toString();
  }

  @Override
  public String toString() {
    return pattern.pattern();
  }

  /**
   * A search through one text: each {@link #next} finds the next match, starting where the last one
   * ended, as successive calls of {@link Matcher#find} do.
   */
  public final class Scan {
    private final CharSequence text;
    private final Matcher matcher;
    private int from;
    private boolean done;

    private Scan(CharSequence text, Matcher matcher) {
      this.text = text;
      this.matcher = matcher;
    }

    /** Starts the search at {@code at} instead of where the last match ended. */
    public Scan from(int at) {
      from = at;
      done = false;
      return this;
    }

    /** Finds the next match; false when there is none. */
    public boolean next() {
      if (done) {
        return false;
      }
      boolean found = starts == null ? findEverywhere() : findAtStarts();
      if (!found) {
        done = true;
        return false;
      }
      // an empty match moves the next search on by one, as Matcher.find does
      from = matcher.end() == matcher.start() ? matcher.end() + 1 : matcher.end();
      done = from > text.length();
      return true;
    }

    private boolean findEverywhere() {
      return from <= text.length() && matcher.find(from);
    }

    private boolean findAtStarts() {
      int length = text.length();
      for (int i = starts.next(text, from); i >= 0; i = starts.next(text, i + 1)) {
        matcher.region(i, length);
        if (matcher.lookingAt()) {
          return true;
        }
      }
      return false;
    }

    /** The matcher at the last match found. */
    public Matcher matcher() {
      return matcher;
    }
  }
}
