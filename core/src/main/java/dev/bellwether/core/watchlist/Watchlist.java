package dev.bellwether.core.watchlist;

import dev.bellwether.core.ConfigException;
import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.tagging.DetectedEvent;
import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Versioned watchlist rules, read from YAML; the first rule that matches an event wins. */
public final class Watchlist {
  /** The classpath resource holding the built-in watchlist. */
  public static final String BUILT_IN = "/dev/bellwether/core/watchlist/watchlist.yaml";

  private final int version;
  private final List<WatchRule> rules;
  private final Map<String, Set<String>> expanded = new LinkedHashMap<>();

  Watchlist(int version, List<WatchRule> rules, CompanyKnowledgeBase kb) {
    this.version = version;
    this.rules = List.copyOf(rules);
    for (WatchRule rule : rules) {
      expanded.put(rule.id(), expand(rule.companies(), kb));
    }
  }

  /**
   * Reads a watchlist from YAML, resolving company and group names against {@code kb}.
   *
   * @param origin the file name used in error messages
   * @throws ConfigException listing every problem in the file
   */
  public static Watchlist parse(String yaml, String origin, CompanyKnowledgeBase kb) {
    return WatchlistYamlReader.read(yaml, origin, kb);
  }

  /** The watchlist shipped with Bellwether. */
  public static Watchlist builtIn(CompanyKnowledgeBase kb) {
    return parse(CompanyKnowledgeBase.resource(BUILT_IN), "watchlist.yaml", kb);
  }

  public int version() {
    return version;
  }

  public List<WatchRule> rules() {
    return rules;
  }

  /** The canonical company names a rule covers, groups expanded; empty means any company. */
  public Set<String> companiesOf(WatchRule rule) {
    return expanded.getOrDefault(rule.id(), Set.of());
  }

  /** The first rule, in file order, that allows the event's type, status, companies and amount. */
  public Optional<WatchRule> firstMatch(DetectedEvent event) {
    return firstMatch(event.type(), event.status(), event.companies(), event.facts());
  }

  /**
   * The first rule, in file order, that allows an event of this type and status about these
   * companies, with these facts ({@code amount_usd} is compared with a rule's minimum).
   */
  public Optional<WatchRule> firstMatch(
      EventType type, EventStatus status, Collection<String> companies, Map<String, String> facts) {
    return rules.stream().filter(rule -> matches(rule, type, status, companies, facts)).findFirst();
  }

  private boolean matches(
      WatchRule rule,
      EventType type,
      EventStatus status,
      Collection<String> named,
      Map<String, String> facts) {
    Set<String> companies = companiesOf(rule);
    return (rule.eventTypes().isEmpty() || rule.eventTypes().contains(type))
        && (rule.statuses().isEmpty() || rule.statuses().contains(status))
        && (companies.isEmpty() || named.stream().anyMatch(companies::contains))
        && rule.minAmountUsd().map(min -> atLeast(facts.get("amount_usd"), min)).orElse(true);
  }

  private static boolean atLeast(String amount, BigDecimal min) {
    if (amount == null) {
      return false;
    }
    try {
      return new BigDecimal(amount).compareTo(min) >= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Set<String> expand(Set<String> names, CompanyKnowledgeBase kb) {
    Set<String> companies = new HashSet<>();
    for (String name : names) {
      companies.addAll(kb.group(name));
      kb.byName(name).ifPresent(c -> companies.add(c.name()));
    }
    return Set.copyOf(companies);
  }
}
