package dev.bellwether.core.tagging;

import dev.bellwether.core.text.Regex;
import org.jspecify.annotations.Nullable;

/**
 * Words that make an event only talked about, or not an event at all, and the cues every event type
 * shares; the patterns come from the {@code status} and {@code context} sections of the {@link
 * CueBook}.
 */
final class StatusCues {
  private final Regex reported;
  private final @Nullable Regex done;
  private final @Nullable Regex completed;
  private final @Nullable Regex clauseBreak;
  private final Regex negated;
  private final Regex speculation;
  private final Regex hypotheticalBefore;
  private final Regex question;
  final Regex continuation;
  final Regex epithet;
  final Regex investorBefore;
  private final @Nullable Regex formerBefore;
  private final @Nullable Regex staffAfter;

  private final CueBook book;
  final MoneyParser money;

  StatusCues(CueBook book) {
    this.book = book;
    this.money = book.money();
    reported = book.pattern("status", "reported");
    done = book.optionalPattern("status", "done").orElse(null);
    completed = book.optionalPattern("status", "completed").orElse(null);
    clauseBreak = book.optionalPattern("status", "clause-break").orElse(null);
    negated = book.pattern("status", "negated");
    speculation = book.pattern("status", "speculation");
    hypotheticalBefore = book.pattern("status", "hypothetical-before");
    question = book.pattern("status", "question");
    continuation = book.pattern("status", "continuation");
    epithet = book.pattern("context", "epithet");
    investorBefore = book.pattern("context", "investor-before");
    formerBefore = book.optionalPattern("context", "former-before").orElse(null);
    staffAfter = book.optionalPattern("context", "staff-after").orElse(null);
  }

  /**
   * Whether the event read at {@code cueStart} is only a hypothetical deal: the sentence is a
   * question ("Should X buy Y?"), speculates, or puts the event verb under "should", "could afford
   * to", "if".
   */
  boolean isHypothetical(SentenceContext s, int cueStart) {
    return question.in(s.lower())
        || s.has(speculation)
        || hypotheticalBefore.in(s.lower(), Math.max(0, cueStart - 60), cueStart);
  }

  /**
   * Reported when the sentence speaks of talks, plans or aims, unless it also says the step was
   * taken ({@code status.done}: "has filed a registration statement for a proposed IPO").
   */
  EventStatus statusOf(SentenceContext s, int cueAt) {
    if (!s.has(reported) || done != null && s.has(done)) {
      return EventStatus.ANNOUNCED;
    }
    int deedEnds = deedClauseEnd(s);
    return deedEnds >= 0 && cueAt >= 0 && cueAt < deedEnds
        ? EventStatus.ANNOUNCED
        : EventStatus.REPORTED;
  }

  /**
   * Where the clause of a deed done ends when the words of plans come only after it ("X raised $100
   * million and plans to hire", "X agreed to buy Y, which is expected to close"): they speak of
   * what follows, not of an event read in the deed's clause ({@code status.completed}, {@code
   * status.clause-break}). -1 when there is no such clause. An event read after it ("... and is
   * preparing to file for an IPO") keeps the plans' status.
   */
  private int deedClauseEnd(SentenceContext s) {
    if (completed == null || clauseBreak == null || !s.has(completed)) {
      return -1;
    }
    String lower = s.lower();
    int deed = completed.firstStart(lower);
    int plans = reported.firstStart(lower);
    if (deed < 0 || plans <= deed) {
      return -1;
    }
    var scan = clauseBreak.scan(lower).from(deed);
    return scan.next() && scan.matcher().start() < plans ? scan.matcher().start() : -1;
  }

  /**
   * Whether the name at {@code [at, end)} of the lower-cased sentence is a person's former employer
   * ("former OpenAI CTO", "ex-Google engineers"): {@code context.former-before} ends just before it
   * and {@code context.staff-after} starts just after it.
   */
  boolean isFormerEmployer(String lower, int at, int end) {
    return formerBefore != null
        && staffAfter != null
        && formerBefore.in(lower, Math.max(0, at - 24), at)
        && staffAfter.in(lower, end, lower.length());
  }

  /** Denials, collapsed talks, declined offers: the sentence reports no event of this kind. */
  boolean isNegated(SentenceContext s) {
    return s.has(negated);
  }

  /** Whether the pattern may match a sentence with these word flags ({@link CueBook#mayMatch}). */
  boolean mayMatch(Regex p, long words) {
    return book.mayMatch(p, words);
  }

  /** A simple confidence: more cues and a company in the sentence itself mean more certainty. */
  static double confidence(SentenceContext s, int cues, EventStatus status) {
    double c = 0.45 + 0.12 * Math.min(cues, 3) + (s.mentions().isEmpty() ? 0 : 0.1);
    c -= status == EventStatus.REPORTED ? 0.1 : 0;
    return Math.max(0.05, Math.min(0.95, c));
  }
}
