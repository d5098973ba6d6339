package dev.bellwether.core.eval;

import dev.bellwether.core.tagging.CompanyMention;
import dev.bellwether.core.tagging.DetectedEvent;
import dev.bellwether.core.tagging.Tagging;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Turns what the tagger found into a predicted {@link LabeledItem}. */
public final class Predictions {
  private Predictions() {}

  /** The tagging of one text as a predicted item: distinct companies in order, and its events. */
  public static LabeledItem of(String id, Tagging tagging) {
    Set<String> companies = new LinkedHashSet<>();
    tagging.companies().stream().map(CompanyMention::company).forEach(companies::add);
    List<LabeledEvent> events = new ArrayList<>();
    tagging.events().forEach(e -> events.add(event(e)));
    return new LabeledItem(id, "", List.copyOf(companies), events);
  }

  static LabeledEvent event(DetectedEvent e) {
    Map<String, String> facts = e.facts();
    return new LabeledEvent(
        e.type().name(),
        e.status().name().toLowerCase(Locale.ROOT),
        e.ended(),
        e.relaxed(),
        facts.containsKey("parties") ? List.of(facts.get("parties").split("; ")) : List.of(),
        facts.get("target"),
        facts.get("acquirer"),
        number(facts.get("amount_usd")),
        number(facts.get("valuation_usd")));
  }

  private static @Nullable Double number(@Nullable String value) {
    return value == null ? null : Double.valueOf(value);
  }
}
