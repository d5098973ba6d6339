package dev.bellwether.core.eval;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One event of a labeled (or predicted) item, with the fields the scorecard compares.
 *
 * @param type the event type's name as written ({@code FUNDING}...); unknown types are ignored
 * @param status {@code announced} or {@code reported}, as written
 * @param parties PARTNERSHIP parties
 * @param target EXPORT_CONTROL or ACQUISITION target
 * @param acquirer ACQUISITION acquirer
 * @param amountUsd FUNDING amount in US dollars
 * @param valuationUsd FUNDING valuation in US dollars
 */
public record LabeledEvent(
    @Nullable String type,
    @Nullable String status,
    boolean ended,
    boolean relaxed,
    List<String> parties,
    @Nullable String target,
    @Nullable String acquirer,
    @Nullable Double amountUsd,
    @Nullable Double valuationUsd) {
  public LabeledEvent {
    parties = List.copyOf(parties);
  }

  /** An event of the given type with no status, flags or facts; for tests and simple uses. */
  public static LabeledEvent of(String type, String status) {
    return new LabeledEvent(type, status, false, false, List.of(), null, null, null, null);
  }
}
