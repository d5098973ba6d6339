package dev.bellwether.core.watchlist;

import dev.bellwether.core.ConfigException;
import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import dev.bellwether.yaml.YamlDocument;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code watchlist.yaml}: a version and a list of rules. */
final class WatchlistYamlReader {
  private static final List<String> RULE_KEYS =
      List.of(
          "id",
          "companies",
          "unlisted-ai",
          "events",
          "statuses",
          "min-amount-usd",
          "severity",
          "route");

  private final YamlDocument yaml;
  private final CompanyKnowledgeBase kb;
  private final List<WatchRule> rules = new ArrayList<>();
  private int version;

  private WatchlistYamlReader(String origin, CompanyKnowledgeBase kb) {
    this.yaml = YamlDocument.of(origin);
    this.kb = kb;
  }

  static Watchlist read(String text, String origin, CompanyKnowledgeBase kb) {
    WatchlistYamlReader reader = new WatchlistYamlReader(origin, kb);
    reader.yaml.parse(text, "a 'version' and a 'rules' list").ifPresent(reader::readRoot);
    if (reader.yaml.hasProblems()) {
      throw new ConfigException(reader.yaml.problems());
    }
    return new Watchlist(reader.version, reader.rules, kb);
  }

  private void readRoot(Node root) {
    Map<String, Node> top =
        yaml.mapping(root, "the file", List.of("version", "rules")).orElse(Map.of());
    readVersion(root, top.get("version"));
    if (!top.containsKey("rules")) {
      yaml.problem(root, "missing key 'rules'");
      return;
    }
    Set<String> ids = new LinkedHashSet<>();
    for (Node item : yaml.sequence(top.get("rules"), "'rules'")) {
      readRule(item)
          .ifPresent(
              rule -> {
                if (!ids.add(rule.id())) {
                  yaml.problem(item, "rule id '" + rule.id() + "' is used twice");
                }
                rules.add(rule);
              });
    }
  }

  private void readVersion(Node root, Node node) {
    if (node == null) {
      yaml.problem(root, "missing key 'version'");
      return;
    }
    Optional<String> text = yaml.text(node, "'version'");
    if (text.isPresent() && text.get().matches("\\d{1,9}")) {
      version = Integer.parseInt(text.get());
    } else if (text.isPresent()) {
      yaml.problem(node, "'version' must be a whole number, not '" + text.get() + "'");
    }
  }

  private Optional<WatchRule> readRule(Node node) {
    Map<String, Node> entry = yaml.mapping(node, "a rule", RULE_KEYS).orElse(Map.of());
    Optional<String> id = required(node, entry, "id");
    String what = "rule '" + id.orElse("?") + "'";
    Set<String> companies = companies(entry.get("companies"), what);
    Set<EventType> types = enums(entry.get("events"), EventType.class, what + " events");
    Set<EventStatus> statuses = enums(entry.get("statuses"), EventStatus.class, what + " statuses");
    Optional<Severity> severity =
        required(node, entry, "severity")
            .flatMap(s -> constant(Severity.class, s, entry.get("severity"), what + " severity"));
    Optional<String> route = required(node, entry, "route");
    Optional<BigDecimal> minAmount = amount(entry.get("min-amount-usd"), what);
    boolean unlistedAi = flag(entry.get("unlisted-ai"), what + " unlisted-ai");
    if (unlistedAi && !companies.isEmpty()) {
      yaml.problem(
          node,
          what
              + ": 'unlisted-ai' matches organizations the knowledge base does not list, so the"
              + " rule cannot also name companies");
      return Optional.empty();
    }
    if (id.isEmpty() || severity.isEmpty() || route.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new WatchRule(
            id.get(),
            companies,
            types,
            statuses,
            severity.get(),
            route.get(),
            minAmount,
            unlistedAi));
  }

  /** A yes/no setting: {@code true} or {@code false}, absent meaning false. */
  private boolean flag(Node node, String what) {
    if (node == null) {
      return false;
    }
    Optional<String> text = yaml.text(node, what);
    if (text.isEmpty()) {
      return false;
    }
    return switch (text.get().strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> {
        yaml.problem(node, what + " must be true or false, not '" + text.get() + "'");
        yield false;
      }
    };
  }

  /** A whole number of dollars, with optional thousands separators or a scale ("100M", "1.5B"). */
  private Optional<BigDecimal> amount(Node node, String what) {
    if (node == null) {
      return Optional.empty();
    }
    Optional<String> text = yaml.text(node, what + " min-amount-usd");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String t = text.get().strip().replace(",", "").replace("_", "");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)([kKmMbB]?)").matcher(t);
    if (!m.matches()) {
      yaml.problem(
          node,
          what
              + ": min-amount-usd must be an amount in dollars such as 100000000, 100M or 1.5B,"
              + " not '"
              + text.get()
              + "'");
      return Optional.empty();
    }
    BigDecimal value = new BigDecimal(m.group(1));
    BigDecimal scale =
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "k" -> new BigDecimal("1e3");
          case "m" -> new BigDecimal("1e6");
          case "b" -> new BigDecimal("1e9");
          default -> BigDecimal.ONE;
        };
    return Optional.of(value.multiply(scale).setScale(0, java.math.RoundingMode.HALF_UP));
  }

  private Optional<String> required(Node rule, Map<String, Node> entry, String key) {
    if (!entry.containsKey(key)) {
      yaml.problem(rule, "a rule has no '" + key + "'");
      return Optional.empty();
    }
    return yaml.text(entry.get(key), "'" + key + "'");
  }

  private Set<String> companies(Node node, String what) {
    Set<String> names = new LinkedHashSet<>();
    if (node == null) {
      return names;
    }
    for (String name : yaml.texts(node, what + " companies")) {
      if (kb.byName(name).isEmpty() && kb.group(name).isEmpty()) {
        yaml.problem(node, what + ": unknown company or group '" + name + "'");
      }
      names.add(name);
    }
    return names;
  }

  private <E extends Enum<E>> Set<E> enums(Node node, Class<E> type, String what) {
    Set<E> values = new LinkedHashSet<>();
    if (node != null) {
      for (String name : yaml.texts(node, what)) {
        constant(type, name, node, what).ifPresent(values::add);
      }
    }
    return values;
  }

  private <E extends Enum<E>> Optional<E> constant(
      Class<E> type, String name, Node node, String what) {
    String wanted = name.toUpperCase(Locale.ROOT).replace('-', '_');
    Optional<E> value =
        Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(wanted)).findFirst();
    if (value.isEmpty()) {
      yaml.problem(
          node,
          what
              + ": unknown value '"
              + name
              + "' (known: "
              + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())
              + ")");
    }
    return value;
  }
}
