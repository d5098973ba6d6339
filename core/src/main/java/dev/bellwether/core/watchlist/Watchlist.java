package dev.bellwether.core.watchlist;

import dev.bellwether.core.ConfigException;
import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.tagging.DetectedEvent;
import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
  private final CompanyKnowledgeBase kb;

  /**
   * Facts that name the organizations an event is about besides its companies (its investors take
   * part too, but a fund backing a startup does not make the startup's news long-tail news).
   */
  private static final List<String> SUBJECT_FACTS =
      List.of("company", "acquirer", "target", "parties");

  Watchlist(int version, List<WatchRule> rules, CompanyKnowledgeBase kb) {
    this.version = version;
    this.kb = kb;
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
   * companies, with these facts ({@code amount_usd} is compared with a rule's minimum), not told in
   * an AI context.
   */
  public Optional<WatchRule> firstMatch(
      EventType type, EventStatus status, Collection<String> companies, Map<String, String> facts) {
    return firstMatch(type, status, companies, facts, false);
  }

  /**
   * The first rule, in file order, that allows an event of this type and status, with these facts
   * ({@code amount_usd} is compared with a rule's minimum), in which these companies take part
   * (those named, and the investors, acquirer, target and partners its facts name). {@code
   * aiContext} says whether its articles describe the organizations as AI companies: a rule for
   * unlisted AI companies matches when it does and one of the organizations the event is about (not
   * an investor) is not in the knowledge base.
   */
  public Optional<WatchRule> firstMatch(
      EventType type,
      EventStatus status,
      Collection<String> companies,
      Map<String, String> facts,
      boolean aiContext) {
    Set<String> subjects = new LinkedHashSet<>(companies);
    for (String key : SUBJECT_FACTS) {
      subjects.addAll(values(facts, key));
    }
    Set<String> named = new LinkedHashSet<>(subjects);
    named.addAll(values(facts, "investors"));
    boolean unlistedAi = aiContext && subjects.stream().anyMatch(this::unlisted);
    return rules.stream()
        .filter(rule -> matches(rule, type, status, named, facts, unlistedAi))
        .findFirst();
  }

  private boolean matches(
      WatchRule rule,
      EventType type,
      EventStatus status,
      Collection<String> named,
      Map<String, String> facts,
      boolean unlistedAi) {
    Set<String> companies = companiesOf(rule);
    return (rule.eventTypes().isEmpty() || rule.eventTypes().contains(type))
        && (rule.statuses().isEmpty() || rule.statuses().contains(status))
        && (companies.isEmpty() || named.stream().anyMatch(companies::contains))
        && (!rule.unlistedAi() || unlistedAi)
        && rule.minAmountUsd().map(min -> atLeast(facts.get("amount_usd"), min)).orElse(true);
  }

  private static List<String> values(Map<String, String> facts, String key) {
    String value = facts.get(key);
    return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split("; "));
  }

  /**
   * Whether an organization by this name is one the knowledge base does not list; a country (an
   * export control's target, say) is no organization.
   */
  private boolean unlisted(String name) {
    return kb.byName(name).isEmpty() && !COUNTRIES.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Country names in English (the JDK's), and the short forms news uses. */
  private static final Set<String> COUNTRIES = countries();

  private static Set<String> countries() {
    Set<String> names = new HashSet<>(List.of("us", "u.s.", "usa", "uk", "eu", "european union"));
    for (String code : Locale.getISOCountries()) {
      names.add(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(names);
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
