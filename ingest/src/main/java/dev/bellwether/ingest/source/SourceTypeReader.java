package dev.bellwether.ingest.source;

import static dev.bellwether.yaml.YamlDocument.line;

import dev.bellwether.ingest.http.AddressPolicy;
import dev.bellwether.yaml.YamlDocument;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.select.Selector;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the keys that depend on a source's type: its url (given or derived) and its options. */
final class SourceTypeReader {
  static final Set<String> COMMON_KEYS =
      Set.of("id", "type", "name", "interval", "min-interval", "max-interval", "allow-private");

  /** The supported EDGAR form types; each also matches its amendment ({@code 8-K/A}). */
  static final List<String> EDGAR_FORMS =
      List.of("8-K", "S-1", "F-1", "D", "6-K", "10-K", "10-Q", "20-F");

  private static final Map<String, Set<String>> TYPE_KEYS =
      Map.of(
          SourceDefinition.RSS, Set.of("url"),
          SourceDefinition.EDGAR, Set.of("url", "cik", "forms"),
          SourceDefinition.FEDERAL_REGISTER, Set.of("url", "list", "agency"),
          SourceDefinition.HTML, Set.of("url", "selectors"));
  private static final Set<String> SELECTOR_KEYS = Set.of("item", "link", "title", "date");
  private static final Set<String> LISTS =
      Set.of(SourceOptions.LIST_DOCUMENTS, SourceOptions.LIST_PUBLIC_INSPECTION);
  private static final Pattern CIK = Pattern.compile("\\d{1,10}");
  private static final Pattern AGENCY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+");

  /** The url and options of one source. */
  record Typed(URI url, Map<String, String> options) {}

  private final YamlDocument yaml;

  SourceTypeReader(YamlDocument yaml) {
    this.yaml = yaml;
  }

  /** The keys a source of {@code type} may have; an unknown type gets those of {@code rss}. */
  static Set<String> keys(String type) {
    Set<String> keys = new HashSet<>(COMMON_KEYS);
    keys.addAll(TYPE_KEYS.getOrDefault(type, TYPE_KEYS.get(SourceDefinition.RSS)));
    return keys;
  }

  /**
   * The url and options, or null after reporting problems.
   *
   * @param userAgent the EDGAR User-Agent, if one is configured and valid
   */
  @Nullable Typed read(
      String type,
      Map<String, Node> fields,
      Where where,
      boolean allowPrivate,
      @Nullable String userAgent) {
    switch (type) {
      case SourceDefinition.EDGAR:
        return edgar(fields, where, userAgent);
      case SourceDefinition.FEDERAL_REGISTER:
        return federalRegister(fields, where);
      case SourceDefinition.HTML:
        return html(fields, where, allowPrivate);
      default:
        URI url = readUrl(fields.get("url"), where, allowPrivate);
        return url == null ? null : new Typed(url, Map.of());
    }
  }

  /** What a problem is about: {@code source 'x'}, and the line of the source. */
  record Where(String what, int line) {}

  private @Nullable Typed edgar(Map<String, Node> fields, Where where, @Nullable String agent) {
    refuseUrl(fields, where, "cik and forms");
    String cik = readCik(fields.get("cik"), where);
    List<String> forms = readForms(fields.get("forms"), where);
    if (cik == null || forms == null) {
      return null;
    }
    Map<String, String> options =
        agent == null // off until a User-Agent is set: only its URL is used (SourcesFile.off)
            ? Map.of()
            : Map.of(
                SourceOptions.CIK,
                cik,
                SourceOptions.FORMS,
                SourceOptions.joinForms(forms),
                SourceOptions.USER_AGENT,
                agent);
    return new Typed(SourceUrls.edgar(cik, forms), options);
  }

  private @Nullable String readCik(@Nullable Node node, Where where) {
    if (node == null) {
      yaml.problem(where.line(), where.what() + " has no cik (the company's SEC CIK)");
      return null;
    }
    String cik = yaml.text(node, "'cik'").orElse(null);
    if (cik != null && !CIK.matcher(cik).matches()) {
      yaml.problem(line(node), where.what() + ": cik '" + cik + "' must be up to ten digits");
      return null;
    }
    return cik == null ? null : "0".repeat(10 - cik.length()) + cik;
  }

  private @Nullable List<String> readForms(@Nullable Node node, Where where) {
    if (node == null) {
      yaml.problem(where.line(), where.what() + " has no forms; supported: " + EDGAR_FORMS);
      return null;
    }
    int before = yaml.problemCount();
    List<String> forms = yaml.texts(node, "'forms'");
    if (forms.isEmpty() && yaml.problemCount() == before) {
      yaml.problem(line(node), "'forms' must be a non-empty list");
    }
    List<String> known = new ArrayList<>();
    for (String form : forms) {
      String upper = form.toUpperCase(Locale.ROOT);
      if (!EDGAR_FORMS.contains(upper)) {
        yaml.problem(
            line(node), where.what() + ": unknown form '" + form + "'; supported: " + EDGAR_FORMS);
      } else if (!known.contains(upper)) {
        known.add(upper);
      }
    }
    return yaml.problemCount() > before || known.isEmpty() ? null : known;
  }

  private @Nullable Typed federalRegister(Map<String, Node> fields, Where where) {
    refuseUrl(fields, where, "list and agency");
    String list = orDefault(fields.get("list"), "list", SourceOptions.LIST_DOCUMENTS);
    String agency = orDefault(fields.get("agency"), "agency", SourceOptions.DEFAULT_AGENCY);
    int before = yaml.problemCount();
    if (list != null && !LISTS.contains(list)) {
      yaml.problem(
          line(fields.get("list")),
          where.what() + ": list '" + list + "' must be one of " + YamlDocument.sorted(LISTS));
    }
    if (agency != null && !AGENCY.matcher(agency).matches()) {
      yaml.problem(
          line(fields.get("agency")),
          where.what() + ": agency '" + agency + "' must be a Federal Register agency slug");
    }
    if (list == null || agency == null || yaml.problemCount() > before) {
      return null;
    }
    Map<String, String> options = Map.of(SourceOptions.LIST, list, SourceOptions.AGENCY, agency);
    return new Typed(SourceUrls.federalRegister(list, agency), options);
  }

  private @Nullable String orDefault(@Nullable Node node, String key, String otherwise) {
    return node == null ? otherwise : yaml.text(node, "'" + key + "'").orElse(null);
  }

  private @Nullable Typed html(Map<String, Node> fields, Where where, boolean allowPrivate) {
    URI url = readUrl(fields.get("url"), where, allowPrivate);
    Map<String, String> selectors = readSelectors(fields.get("selectors"), where);
    return url == null || selectors == null ? null : new Typed(url, selectors);
  }

  private @Nullable Map<String, String> readSelectors(@Nullable Node node, Where where) {
    if (node == null) {
      yaml.problem(where.line(), where.what() + " has no selectors (item and link are required)");
      return null;
    }
    Map<String, Node> entries = yaml.mapping(node, "'selectors'", SELECTOR_KEYS).orElse(null);
    if (entries == null) {
      return null;
    }
    int before = yaml.problemCount();
    Map<String, String> options = new HashMap<>();
    for (Map.Entry<String, Node> entry : entries.entrySet()) {
      String css = readSelector(entry.getValue(), entry.getKey(), where);
      if (css != null) {
        options.put("selector." + entry.getKey(), css);
      }
    }
    for (String required : List.of("item", "link")) {
      if (!entries.containsKey(required)) {
        yaml.problem(line(node), where.what() + ": selectors need '" + required + "'");
      }
    }
    return yaml.problemCount() > before ? null : options;
  }

  private @Nullable String readSelector(Node node, String key, Where where) {
    String css = yaml.text(node, "'selectors." + key + "'").orElse(null);
    if (css == null) {
      return null;
    }
    try {
      Selector.evaluatorOf(css);
      return css;
    } catch (Selector.SelectorParseException | IllegalArgumentException e) {
      String detail = String.valueOf(e.getMessage());
      // jsoup's messages help when they quote the selector; others ("String must not be empty") not
      String why = detail.contains(css) ? " (" + detail + ")" : "";
      yaml.problem(line(node), invalidSelector(where, key, css) + why);
    }
    return null;
  }

  private static String invalidSelector(Where where, String key, String css) {
    return where.what() + ": selector '" + css + "' for " + key + " is not a valid CSS selector";
  }

  private void refuseUrl(Map<String, Node> fields, Where where, String derivedFrom) {
    Node url = fields.get("url");
    if (url != null) {
      yaml.problem(
          line(url),
          where.what() + ": remove 'url'; this type's url is derived from " + derivedFrom);
    }
  }

  private @Nullable URI readUrl(@Nullable Node node, Where where, boolean allow) {
    if (node == null) {
      yaml.problem(where.line(), where.what() + " has no url");
      return null;
    }
    String text = yaml.text(node, "'url'").orElse(null);
    if (text == null) {
      return null;
    }
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      yaml.problem(
          line(node),
          where.what() + ": url '" + text + "' is not a valid URL (" + e.getReason() + ")");
      return null;
    }
    if (!SourceDefinition.isHttp(url)) {
      yaml.problem(
          line(node), where.what() + ": url '" + text + "' must be an absolute http or https URL");
      return null;
    }
    if (!allow && isPrivateLiteral(url.getHost())) {
      yaml.problem(
          line(node),
          where.what()
              + ": url '"
              + text
              + "' points to a loopback or private address; set network.allow-private: true"
              + " to allow it");
    }
    return url;
  }

  private static boolean isPrivateLiteral(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (!IPV4_LITERAL.matcher(h).matches() && !h.startsWith("[")) {
      return false; // a name: resolved and checked at fetch time
    }
    try {
      return AddressPolicy.isBlocked(InetAddress.getByName(h)); // a literal: no DNS lookup
    } catch (UnknownHostException e) {
      return false; // malformed literal: the fetch will fail with a clear message
    }
  }
}
