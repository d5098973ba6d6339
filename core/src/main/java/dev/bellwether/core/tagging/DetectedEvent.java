package dev.bellwether.core.tagging;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One event read from a text.
 *
 * @param companies canonical names of the companies the event is about, most central first
 * @param facts typed facts by key: {@code amount_usd}, {@code valuation_usd}, {@code round}, {@code
 *     investors}, {@code authority}, {@code target}, {@code parties}, {@code acquirer}, {@code
 *     exchange}; lists are joined with {@code "; "}
 * @param confidence between 0 and 1
 * @param why what read the event: the rule's cue words ("rule: acquisition, 'bought'") or the
 *     learned model's probability against its threshold; empty when not recorded
 */
public record DetectedEvent(
    EventType type,
    EventStatus status,
    List<String> companies,
    Map<String, String> facts,
    boolean ended,
    boolean relaxed,
    double confidence,
    Evidence evidence,
    String why) {
  public DetectedEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    companies = List.copyOf(companies);
    facts = Map.copyOf(facts);
    Objects.requireNonNull(evidence, "evidence");
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence out of [0, 1]: " + confidence);
    }
    why = why == null ? "" : why;
  }
}
