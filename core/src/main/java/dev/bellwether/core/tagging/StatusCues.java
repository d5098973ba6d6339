package dev.bellwether.core.tagging;

import java.util.regex.Pattern;

/** Words that make an event only talked about, or not an event at all. */
final class StatusCues {
  private static final Pattern REPORTED =
      Pattern.compile(
          "\\b(?:in talks|talks|in discussions?|discussions|negotiat\\w+|consider\\w*|weigh(?:s|ing)"
              + "|plans? to|planning|prepar(?:es|ing) to|preparing|propos\\w+|is said to|are said to"
              + "|(?:is|are|was|were) (?:\\w+ly )?(?:raising|seeking|leading|heading up|wrapping up"
              + "|finali[sz]ing|in the middle|targeting|aiming|looking|nearing|exploring)"
              + "|targeting|aims? (?:to|for)|aiming|seeking|looking (?:at|to|for)|nearing|close to"
              + "|expected to|intends? to|rumou?r\\w*|bill|efforts? to|would require|mulls?|mulling"
              + "|in the works|nears|read(?:ies|ying)|gears? up|gearing up)\\b");

  private static final Pattern NEGATED =
      Pattern.compile(
          "\\b(?:(?:is|are|was|were) not|isn['’]t|aren['’]t|wasn['’]t|not) (?:raising|cooperating"
              + "|partnering|working|selling|buying|acquiring|in talks)"
              + "|\\b(?:denied|denies|deny|rejected|rejects|refuted|dismissed)\\b"
              + "|\\btalks (?:\\w+ )?(?:broke down|collapsed|fell apart|stalled|ended|failed)"
              + "|\\b(?:broke down|called off|pulled back|pulled out|walked away|sat out|backed out"
              + "|turned [\\w\\s]{0,20}down|declined|scrapped|abandoned|fell through|no longer)\\b"
              + "|\\b(?:talks|negotiations|discussions|deal|bid|offer)\\b[^.;]{0,80}\\b(?:collapsed"
              + "|fell apart|fizzled|broke down|stalled|failed)\\b"
              + "|\\b(?:not|no longer) on the table|\\boff the table|\\bruled out\\b"
              + "|\\bno (?:immediate |current |near-term )?plans? (?:to|for)\\b");

  /** Speculation about a deal nobody has agreed to or discussed ("analysts speculate"). */
  private static final Pattern SPECULATION =
      Pattern.compile(
          "\\b(?:speculat\\w+|hypothetical\\w*|would make (?:\\w+ )?sense|in theory|wish ?list)\\b");

  /** A modal or condition that governs the event verb right after it ("could afford to buy"). */
  private static final Pattern HYPOTHETICAL_BEFORE =
      Pattern.compile(
          "(?:\\b(?:should|ought|might want|may want|could afford|could (?:potentially"
              + "|theoretically|conceivably)|would be wise)(?:\\s+to)?\\s+(?:[\\w-]+\\s+){0,2}"
              + "|\\bif\\s+[^,.;]{0,50}?\\s(?:were to\\s+)?)$");

  /** A question: opens with an auxiliary or question word and ends with a question mark. */
  private static final Pattern QUESTION =
      Pattern.compile(
          "^\\W*(?:should|shall|will|would|could|can|might|may|is|are|was|were|does|do|did|has"
              + "|have|why|what|how|who|which|when|where)\\b[^?]*\\?\\W*$");

  private StatusCues() {}

  /**
   * Whether the event read at {@code cueStart} is only a hypothetical deal: the sentence is a
   * question ("Should X buy Y?"), speculates, or puts the event verb under "should", "could afford
   * to", "if".
   */
  static boolean isHypothetical(SentenceContext s, int cueStart) {
    String before = s.lower().substring(Math.max(0, cueStart - 60), cueStart);
    return QUESTION.matcher(s.lower()).find()
        || s.has(SPECULATION)
        || HYPOTHETICAL_BEFORE.matcher(before).find();
  }

  static EventStatus statusOf(SentenceContext s) {
    return s.has(REPORTED) ? EventStatus.REPORTED : EventStatus.ANNOUNCED;
  }

  /** Denials, collapsed talks, declined offers: the sentence reports no event of this kind. */
  static boolean isNegated(SentenceContext s) {
    return s.has(NEGATED);
  }

  /** A simple confidence: more cues and a company in the sentence itself mean more certainty. */
  static double confidence(SentenceContext s, int cues, EventStatus status) {
    double c = 0.45 + 0.12 * Math.min(cues, 3) + (s.mentions().isEmpty() ? 0 : 0.1);
    c -= status == EventStatus.REPORTED ? 0.1 : 0;
    return Math.max(0.05, Math.min(0.95, c));
  }
}
