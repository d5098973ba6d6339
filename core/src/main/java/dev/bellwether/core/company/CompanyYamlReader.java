package dev.bellwether.core.company;

import dev.bellwether.core.ConfigException;
import dev.bellwether.yaml.YamlDocument;
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

  private final YamlDocument yaml;
  private final List<Company> companies = new ArrayList<>();
  private final List<Surface> surfaces = new ArrayList<>();
  private final Map<String, String> surfaceOwners = new HashMap<>();

  private CompanyYamlReader(String origin) {
    this.yaml = YamlDocument.of(origin);
  }

  record Result(List<Company> companies, List<Surface> surfaces) {}

  static Result read(String text, String origin) {
    CompanyYamlReader reader = new CompanyYamlReader(origin);
    reader.yaml.parse(text, "a 'companies' list").ifPresent(reader::readRoot);
    if (reader.yaml.hasProblems()) {
      throw new ConfigException(reader.yaml.problems());
    }
    return new Result(List.copyOf(reader.companies), List.copyOf(reader.surfaces));
  }

  private void readRoot(Node root) {
    Map<String, Node> top = yaml.mapping(root, "the file", List.of("companies")).orElse(Map.of());
    Node list = top.get("companies");
    if (list == null) {
      yaml.problem(root, "missing key 'companies'");
      return;
    }
    for (Node item : yaml.sequence(list, "'companies'")) {
      readCompany(item);
    }
  }

  private void readCompany(Node node) {
    Map<String, Node> entry = yaml.mapping(node, "a company", COMPANY_KEYS).orElse(Map.of());
    Optional<String> name = yaml.text(entry.get("name"), "'name'");
    if (name.isEmpty()) {
      if (!entry.containsKey("name")) {
        yaml.problem(node, "a company has no 'name'");
      }
      return;
    }
    Company company = company(name.get(), entry);
    if (companies.stream().anyMatch(c -> c.name().equals(company.name()))) {
      yaml.problem(node, "company '" + company.name() + "' is listed twice");
      return;
    }
    companies.add(company);
    addSurfaces(node, company, readRules(company, entry.get("ambiguous")));
  }

  private Company company(String name, Map<String, Node> entry) {
    List<String> ciks = list(entry, "ciks", name);
    for (String cik : ciks) {
      if (!cik.matches("\\d{10}")) {
        yaml.problem(entry.get("ciks"), name + ": CIK '" + cik + "' must have ten digits");
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
    return node == null ? List.of() : yaml.texts(node, company + ": '" + key + "'");
  }

  private Map<String, Surface> readRules(Company company, Node node) {
    Map<String, Surface> rules = new HashMap<>();
    if (node == null) {
      return rules;
    }
    Map<String, Node> ambiguous = yaml.mapping(node, "'ambiguous'").orElse(Map.of());
    for (Map.Entry<String, Node> e : ambiguous.entrySet()) {
      Map<String, Node> rule =
          yaml.mapping(e.getValue(), "the rule for " + e.getKey(), RULE_KEYS).orElse(Map.of());
      String what = company.name() + ": '" + e.getKey() + "'";
      boolean exact =
          rule.containsKey("case-sensitive") && yaml.bool(rule.get("case-sensitive"), what);
      List<String> unless =
          rule.containsKey("unless-near") ? yaml.texts(rule.get("unless-near"), what) : List.of();
      List<String> only =
          rule.containsKey("only-near") ? yaml.texts(rule.get("only-near"), what) : List.of();
      rules.put(e.getKey(), new Surface(e.getKey(), company.name(), exact, unless, only));
      if (!surfaceTexts(company).contains(e.getKey())) {
        yaml.problem(
            e.getValue(), what + " is not a name, alias, product or ticker of the company");
      }
    }
    return rules;
  }

  private void addSurfaces(Node node, Company company, Map<String, Surface> rules) {
    for (String text : surfaceTexts(company)) {
      String owner = surfaceOwners.putIfAbsent(text, company.name());
      if (owner != null && !owner.equals(company.name())) {
        yaml.problem(node, "'" + text + "' names both " + owner + " and " + company.name());
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
