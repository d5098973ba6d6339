package dev.bellwether.core.watchlist;

import dev.bellwether.core.ConfigException;
import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.tagging.DetectedEvent;
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

  /** The first rule, in file order, that allows the event's type, status and companies. */
  public Optional<WatchRule> firstMatch(DetectedEvent event) {
    return rules.stream().filter(rule -> matches(rule, event)).findFirst();
  }

  private boolean matches(WatchRule rule, DetectedEvent event) {
    Set<String> companies = companiesOf(rule);
    return (rule.eventTypes().isEmpty() || rule.eventTypes().contains(event.type()))
        && (rule.statuses().isEmpty() || rule.statuses().contains(event.status()))
        && (companies.isEmpty() || event.companies().stream().anyMatch(companies::contains));
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
