package dev.bellwether.core.watchlist;

import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import java.util.Objects;
import java.util.Set;

/**
 * One watchlist rule.
 *
 * @param id unique within its watchlist
 * @param companies canonical company names or group names; empty means any company
 * @param eventTypes empty means any type
 * @param statuses empty means any status
 * @param route where matching alerts go (a Slack channel, for example)
 */
public record WatchRule(
    String id,
    Set<String> companies,
    Set<EventType> eventTypes,
    Set<EventStatus> statuses,
    Severity severity,
    String route) {
  public WatchRule {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a rule needs an id");
    }
    companies = Set.copyOf(companies);
    eventTypes = Set.copyOf(eventTypes);
    statuses = Set.copyOf(statuses);
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(route, "route");
  }
}
