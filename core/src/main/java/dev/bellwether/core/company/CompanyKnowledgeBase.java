package dev.bellwether.core.company;

import dev.bellwether.core.ConfigException;
import dev.bellwether.core.tagging.CompanyMention;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The companies Bellwether knows: canonical names, aliases, products, tickers, CIKs and groups,
 * read from YAML, and the finder of their mentions in text.
 */
public final class CompanyKnowledgeBase {
  /** The classpath resource holding the built-in knowledge base. */
  public static final String BUILT_IN = "/dev/bellwether/core/company/companies.yaml";

  private final Map<String, Company> byName = new LinkedHashMap<>();
  private final MentionFinder finder;

  private CompanyKnowledgeBase(List<Company> companies, List<Surface> surfaces) {
    companies.forEach(c -> byName.put(c.name(), c));
    this.finder = new MentionFinder(surfaces);
  }

  /**
   * Reads a knowledge base from YAML.
   *
   * @param origin the file name used in error messages
   * @throws ConfigException listing every problem in the file
   */
  public static CompanyKnowledgeBase parse(String yaml, String origin) {
    CompanyYamlReader.Result read = CompanyYamlReader.read(yaml, origin);
    return new CompanyKnowledgeBase(read.companies(), read.surfaces());
  }

  /** The knowledge base shipped with Bellwether. */
  public static CompanyKnowledgeBase builtIn() {
    return parse(resource(BUILT_IN), "companies.yaml");
  }

  /** Reads a classpath resource next to our classes as UTF-8 text. */
  public static String resource(String path) {
    try (InputStream in = CompanyKnowledgeBase.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new ConfigException(List.of(path + ": resource not found on the classpath"));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Mentions of known companies, sorted by offset, longest match first, never overlapping. */
  public List<CompanyMention> findMentions(String text) {
    return finder.find(text);
  }

  public Optional<Company> byName(String canonical) {
    return Optional.ofNullable(byName.get(canonical));
  }

  /** Canonical names of the group's members, in file order; empty for an unknown group. */
  public Set<String> group(String groupName) {
    Set<String> members = new LinkedHashSet<>();
    for (Company c : byName.values()) {
      if (c.groups().contains(groupName)) {
        members.add(c.name());
      }
    }
    return members;
  }

  /** Every group name used by some company. */
  public Set<String> groups() {
    Set<String> groups = new LinkedHashSet<>();
    byName.values().forEach(c -> groups.addAll(c.groups()));
    return groups;
  }

  public List<Company> companies() {
    return List.copyOf(byName.values());
  }
}
