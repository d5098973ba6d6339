package dev.bellwether.core.eval;

import java.util.List;
import java.util.Objects;

/**
 * One labeled (or predicted) text: its id, the text itself (empty for predictions), the canonical
 * companies it names and its events.
 */
public record LabeledItem(
    String id, String text, List<String> companies, List<LabeledEvent> events) {
  public LabeledItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    companies = List.copyOf(companies);
    events = List.copyOf(events);
  }
}
