package dev.bellwether.core.watchlist;

import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One watchlist rule.
 *
 * @param id unique within its watchlist
 * @param companies canonical company names or group names; empty means any company
 * @param eventTypes empty means any type
 * @param statuses empty means any status
 * @param route where matching alerts go (a Slack channel, for example)
 * @param minAmountUsd the smallest amount in US dollars a funding or acquisition must have to match
 *     (events without a dollar amount do not match then); absent means any amount
 * @param unlistedAi the rule matches only events naming an organization the knowledge base does not
 *     list, told in an AI context (the long tail of AI startups); such a rule names no companies
 */
public record WatchRule(
    String id,
    Set<String> companies,
    Set<EventType> eventTypes,
    Set<EventStatus> statuses,
    Severity severity,
    String route,
    Optional<BigDecimal> minAmountUsd,
    boolean unlistedAi) {
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
    Objects.requireNonNull(minAmountUsd, "minAmountUsd");
    if (unlistedAi && !companies.isEmpty()) {
      throw new IllegalArgumentException(
          "rule '" + id + "' cannot both name companies and ask for unlisted AI companies");
    }
  }

  /** A rule without a minimum amount. */
  public WatchRule(
      String id,
      Set<String> companies,
      Set<EventType> eventTypes,
      Set<EventStatus> statuses,
      Severity severity,
      String route) {
    this(id, companies, eventTypes, statuses, severity, route, Optional.empty(), false);
  }
}
