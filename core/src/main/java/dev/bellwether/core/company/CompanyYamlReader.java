package dev.bellwether.core.company;

import static dev.bellwether.core.config.YamlNodes.bool;
import static dev.bellwether.core.config.YamlNodes.mapping;
import static dev.bellwether.core.config.YamlNodes.rejectUnknownKeys;
import static dev.bellwether.core.config.YamlNodes.scalar;
import static dev.bellwether.core.config.YamlNodes.sequence;
import static dev.bellwether.core.config.YamlNodes.strings;

import dev.bellwether.core.config.ConfigProblems;
import dev.bellwether.core.config.YamlNodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code companies.yaml}: a list of companies, each with its surfaces and their rules. */
final class CompanyYamlReader {
  private static final List<String> COMPANY_KEYS =
      List.of("name", "aliases", "products", "tickers", "ciks", "groups", "ambiguous");
  private static final List<String> RULE_KEYS =
      List.of("case-sensitive", "unless-near", "only-near");

  private final ConfigProblems problems;
  private final List<Company> companies = new ArrayList<>();
  private final List<Surface> surfaces = new ArrayList<>();
  private final Map<String, String> surfaceOwners = new HashMap<>();

  private CompanyYamlReader(String origin) {
    this.problems = new ConfigProblems(origin);
  }

  record Result(List<Company> companies, List<Surface> surfaces) {}

  static Result read(String yaml, String origin) {
    CompanyYamlReader reader = new CompanyYamlReader(origin);
    YamlNodes.parse(yaml, reader.problems).ifPresent(reader::readRoot);
    reader.problems.throwIfAny();
    return new Result(List.copyOf(reader.companies), List.copyOf(reader.surfaces));
  }

  private void readRoot(Node root) {
    Map<String, Node> top = mapping(root, "the file", problems);
    rejectUnknownKeys(top, List.of("companies"), problems);
    Node list = top.get("companies");
    if (list == null) {
      problems.add(root, "missing key 'companies'");
      return;
    }
    for (Node item : sequence(list, "'companies'", problems)) {
      readCompany(item);
    }
  }

  private void readCompany(Node node) {
    Map<String, Node> entry = mapping(node, "a company", problems);
    rejectUnknownKeys(entry, COMPANY_KEYS, problems);
    Optional<String> name =
        entry.containsKey("name")
            ? scalar(entry.get("name"), "'name'", problems)
            : Optional.empty();
    if (name.isEmpty()) {
      if (!entry.containsKey("name")) {
        problems.add(node, "a company has no 'name'");
      }
      return;
    }
    Company company = company(name.get(), entry);
    if (companies.stream().anyMatch(c -> c.name().equals(company.name()))) {
      problems.add(node, "company '" + company.name() + "' is listed twice");
      return;
    }
    companies.add(company);
    addSurfaces(node, company, readRules(company, entry.get("ambiguous")));
  }

  private Company company(String name, Map<String, Node> entry) {
    List<String> ciks = list(entry, "ciks", name);
    for (String cik : ciks) {
      if (!cik.matches("\\d{10}")) {
        problems.add(entry.get("ciks"), name + ": CIK '" + cik + "' must have ten digits");
      }
    }
    return new Company(
        name,
        list(entry, "aliases", name),
        list(entry, "products", name),
        list(entry, "tickers", name),
        ciks.stream().filter(c -> c.matches("\\d{10}")).toList(),
        list(entry, "groups", name));
  }

  private List<String> list(Map<String, Node> entry, String key, String company) {
    Node node = entry.get(key);
    return node == null ? List.of() : strings(node, company + ": '" + key + "'", problems);
  }

  private Map<String, Surface> readRules(Company company, Node node) {
    Map<String, Surface> rules = new HashMap<>();
    if (node == null) {
      return rules;
    }
    for (Map.Entry<String, Node> e : mapping(node, "'ambiguous'", problems).entrySet()) {
      Map<String, Node> rule = mapping(e.getValue(), "the rule for " + e.getKey(), problems);
      rejectUnknownKeys(rule, RULE_KEYS, problems);
      String what = company.name() + ": '" + e.getKey() + "'";
      boolean exact =
          rule.containsKey("case-sensitive") && bool(rule.get("case-sensitive"), what, problems);
      List<String> unless =
          rule.containsKey("unless-near")
              ? strings(rule.get("unless-near"), what, problems)
              : List.of();
      List<String> only =
          rule.containsKey("only-near")
              ? strings(rule.get("only-near"), what, problems)
              : List.of();
      rules.put(e.getKey(), new Surface(e.getKey(), company.name(), exact, unless, only));
      if (!surfaceTexts(company).contains(e.getKey())) {
        problems.add(
            e.getValue(), what + " is not a name, alias, product or ticker of the company");
      }
    }
    return rules;
  }

  private void addSurfaces(Node node, Company company, Map<String, Surface> rules) {
    for (String text : surfaceTexts(company)) {
      String owner = surfaceOwners.putIfAbsent(text, company.name());
      if (owner != null && !owner.equals(company.name())) {
        problems.add(node, "'" + text + "' names both " + owner + " and " + company.name());
        continue;
      }
      Surface plain =
          company.tickers().contains(text)
              ? new Surface(text, company.name(), true, List.of(), List.of())
              : Surface.plain(text, company.name());
      surfaces.add(rules.getOrDefault(text, plain));
    }
  }

  private static List<String> surfaceTexts(Company company) {
    List<String> texts = new ArrayList<>();
    texts.add(company.name());
    texts.addAll(company.aliases());
    texts.addAll(company.products());
    texts.addAll(company.tickers());
    return texts.stream().distinct().toList();
  }
}
