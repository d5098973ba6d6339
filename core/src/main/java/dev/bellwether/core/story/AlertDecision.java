package dev.bellwether.core.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The alert a story's change warrants, and why, in words an analyst reads ("new source: Reuters;
 * amount_usd confirmed by 3 sources"). Independent of watchlist rules: a rule decides afterwards
 * whether the story is wanted at all.
 */
public record AlertDecision(AlertKind kind, String reason) {
  /**
   * Facts that name who or what (they repeat the story's companies): a new or changed value is a
   * reason to update, one more source giving the same value is not worth saying.
   */
  private static final Set<String> NAMES = Set.of("company", "acquirer", "target", "currency");

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
    if (before.type() != after.type()) {
      reasons.add("type " + word(before.type()) + " → " + word(after.type()));
    }
    if (before.status() != after.status()) {
      reasons.add("status " + word(before.status()) + " → " + word(after.status()));
    }
    factChanges(before, after, reasons);
    java.util.Set<String> cited = new java.util.HashSet<>();
    before.sources().forEach(s -> cited.add(s.url()));
    after.sources().stream()
        .filter(s -> !cited.contains(s.url()))
        .forEach(s -> reasons.add("new source: " + s.outlet()));
    long more = after.unlisted() - before.unlisted();
    if (more > 0) {
      reasons.add(more == 1 ? "a new source, not listed" : more + " new sources, not listed");
    }
    return reasons.isEmpty()
        ? new AlertDecision(AlertKind.NOTHING, "nothing new")
        : new AlertDecision(AlertKind.UPDATE, String.join("; ", reasons));
  }

  private static void factChanges(Story before, Story after, List<String> reasons) {
    new TreeMap<>(after.readings())
        .forEach(
            (key, readings) -> {
              Optional<String> old = before.fact(key);
              String value = readings.get(0).value();
              if (old.isEmpty()) {
                reasons.add(key + ": " + value);
              } else if (!old.get().equals(value)) {
                reasons.add(key + " " + old.get() + " → " + value);
              } else if (!NAMES.contains(key)
                  && after.confirmations(key) > before.confirmations(key)) {
                reasons.add(key + " confirmed by " + after.confirmations(key) + " sources");
              }
            });
    new TreeMap<>(after.lists())
        .forEach(
            (key, values) -> {
              List<String> was = before.lists().getOrDefault(key, List.of());
              List<String> added = values.stream().filter(v -> !was.contains(v)).toList();
              if (!added.isEmpty()) {
                reasons.add("new " + key + ": " + String.join("; ", added));
              }
            });
  }

  private static String word(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
