package dev.bellwether.core.story;

import dev.bellwether.core.tagging.EventStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The alert a story's change warrants, and why, in words an analyst reads ("new source: Reuters;
 * amount_usd confirmed by 3 sources"). Independent of watchlist rules: a rule decides afterwards
 * whether the story is wanted at all.
 */
public record AlertDecision(AlertKind kind, String reason) {
  public AlertDecision {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * The alert for a story that was {@code before} (null when it did not exist) and is {@code after}
   * once a report was added: {@code NEW} only for a story not seen before, {@code UPDATE} when it
   * gained a source, a fact, a confirmation or a status, otherwise {@code NOTHING}.
   */
  public static AlertDecision of(@Nullable Story before, Story after) {
    if (before == null) {
      Source first = after.sources().get(0);
      return new AlertDecision(AlertKind.NEW, "new story from " + first.outlet());
    }
    List<String> reasons = new ArrayList<>();
    if (before.status() != after.status()) {
      reasons.add("status " + word(before.status()) + " → " + word(after.status()));
    }
    factChanges(before, after, reasons);
    after.sources().stream()
        .filter(s -> !before.cites(s.url()))
        .forEach(s -> reasons.add("new source: " + s.outlet()));
    return reasons.isEmpty()
        ? new AlertDecision(AlertKind.NOTHING, "nothing new")
        : new AlertDecision(AlertKind.UPDATE, String.join("; ", reasons));
  }

  private static void factChanges(Story before, Story after, List<String> reasons) {
    Map<String, String> was = before.facts();
    after
        .facts()
        .forEach(
            (key, value) -> {
              String old = was.get(key);
              if (old == null) {
                reasons.add(key + ": " + value);
              } else if (!old.equals(value)) {
                reasons.add(key + " " + old + " → " + value);
              } else if (after.confirmations(key) > before.confirmations(key)) {
                reasons.add(key + " confirmed by " + after.confirmations(key) + " sources");
              }
            });
  }

  private static String word(EventStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }
}
