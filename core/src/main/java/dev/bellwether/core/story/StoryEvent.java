package dev.bellwether.core.story;

import dev.bellwether.core.tagging.DetectedEvent;
import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The part of a tagged event that stories are built from: what happened, to whom, and its facts
 * (keys as in {@link DetectedEvent#facts()}, lists joined with {@code "; "}). Evidence and
 * confidence stay with the tagged article.
 *
 * @param companies canonical names, the lead company first
 */
public record StoryEvent(
    EventType type,
    EventStatus status,
    List<String> companies,
    Map<String, String> facts,
    boolean ended,
    boolean relaxed) {
  /** Facts that hold several values ({@code "a; b"}): a story keeps their union. */
  public static final Set<String> LIST_FACTS = Set.of("investors", "items", "parties");

  public StoryEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    companies = List.copyOf(companies);
    facts = Map.copyOf(facts);
  }

  /** The story-relevant part of an event the tagger found. */
  public static StoryEvent of(DetectedEvent e) {
    return new StoryEvent(e.type(), e.status(), e.companies(), e.facts(), e.ended(), e.relaxed());
  }

  /** The most central company, if the event names any. */
  public Optional<String> lead() {
    return companies.isEmpty() ? Optional.empty() : Optional.of(companies.get(0));
  }

  /** A fact's value, if the event has it. */
  public Optional<String> fact(String key) {
    return Optional.ofNullable(facts.get(key));
  }

  /** The values of a list fact ({@code investors}, {@code parties}...), empty when absent. */
  public List<String> listFact(String key) {
    String v = facts.get(key);
    return v == null || v.isBlank() ? List.of() : Arrays.asList(v.split("; "));
  }
}
