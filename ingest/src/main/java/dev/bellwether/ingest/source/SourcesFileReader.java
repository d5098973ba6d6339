package dev.bellwether.ingest.source;

import dev.bellwether.ingest.http.AddressPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads one sources file, collecting every problem before failing. Not thread-safe. */
final class SourcesFileReader {
  private static final Set<String> TOP_KEYS = Set.of("sources", "network");
  private static final Set<String> NETWORK_KEYS = Set.of("allow-private");
  private static final Set<String> SOURCE_KEYS = Set.of("id", "type", "name", "url", "interval");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern INTERVAL = Pattern.compile("(\\d{1,9})([smhd])");
  private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+");

  private final String origin;
  private final Map<String, String> variables;
  private final List<String> problems = new ArrayList<>();

  SourcesFileReader(String origin, Map<String, String> variables) {
    this.origin = origin;
    this.variables = Map.copyOf(variables);
  }

  SourcesFile read(String yaml) {
    Optional<Node> root = compose(yaml);
    SourcesFile file = root.map(this::readRoot).orElse(null);
    if (root.isEmpty() && problems.isEmpty()) {
      problem(1, "the file is empty; expected a 'sources' list");
    }
    if (!problems.isEmpty() || file == null) {
      throw new SourcesException(origin, problems);
    }
    return file;
  }

  private Optional<Node> compose(String yaml) {
    LoadSettings settings = LoadSettings.builder().setLabel(origin).build();
    try {
      return new Compose(settings).composeString(yaml);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
      problem(line, "not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      problem(1, "not valid YAML: " + e.getMessage());
    }
    return Optional.empty();
  }

  private @Nullable SourcesFile readRoot(Node root) {
    Map<String, Node> top = mapping(root, "the file", TOP_KEYS);
    if (top == null) {
      return null;
    }
    boolean allowPrivate = readNetwork(top.get("network"));
    Node sources = top.get("sources");
    if (sources == null) {
      problem(line(root), "missing 'sources': expected a list of sources");
      return null;
    }
    return new SourcesFile(readSources(sources, allowPrivate), allowPrivate);
  }

  private boolean readNetwork(@Nullable Node node) {
    if (node == null) {
      return false;
    }
    Map<String, Node> network = mapping(node, "'network'", NETWORK_KEYS);
    Node allow = network == null ? null : network.get("allow-private");
    return allow != null && bool(allow, "network.allow-private");
  }

  private List<SourceDefinition> readSources(Node node, boolean allowPrivate) {
    if (!(node instanceof SequenceNode)) {
      problem(line(node), "'sources' must be a list");
      return List.of();
    }
    List<SourceDefinition> definitions = new ArrayList<>();
    Map<String, Integer> firstLines = new HashMap<>();
    for (Node item : ((SequenceNode) node).getValue()) {
      SourceDefinition definition = readSource(item, allowPrivate);
      if (definition == null) {
        continue;
      }
      Integer first = firstLines.putIfAbsent(definition.id(), line(item));
      if (first != null) {
        problem(
            line(item),
            "duplicate source id '" + definition.id() + "' (first defined on line " + first + ")");
      } else {
        definitions.add(definition);
      }
    }
    return definitions;
  }

  private @Nullable SourceDefinition readSource(Node node, boolean allowPrivate) {
    Map<String, Node> fields = mapping(node, "a source", SOURCE_KEYS);
    if (fields == null) {
      return null;
    }
    int before = problems.size();
    String id = text(fields.get("id"), "id");
    String what = id == null ? "source on line " + line(node) : "source '" + id + "'";
    if (fields.get("id") == null) {
      problem(line(node), what + " has no id");
    }
    String type = readType(fields.get("type"), what);
    String name = text(fields.get("name"), "name");
    URI url = readUrl(fields.get("url"), what, line(node), allowPrivate);
    Duration interval = readInterval(fields.get("interval"), what);
    if (problems.size() > before || id == null || url == null || interval == null) {
      return null;
    }
    return new SourceDefinition(id, type, name == null ? id : name, url, interval, allowPrivate);
  }

  private String readType(@Nullable Node node, String what) {
    String type = text(node, "type");
    if (type == null) {
      return "rss";
    }
    if (!SourceDefinition.TYPES.contains(type)) {
      problem(
          line(node),
          what + ": unknown type '" + type + "'; this version supports " + SourceDefinition.TYPES);
    }
    return type;
  }

  private @Nullable URI readUrl(@Nullable Node node, String what, int sourceLine, boolean allow) {
    if (node == null) {
      problem(sourceLine, what + " has no url");
      return null;
    }
    String text = text(node, "url");
    if (text == null) {
      return null;
    }
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      problem(line(node), what + ": url '" + text + "' is not a valid URL (" + e.getReason() + ")");
      return null;
    }
    if (!SourceDefinition.isHttp(url)) {
      problem(line(node), what + ": url '" + text + "' must be an absolute http or https URL");
      return null;
    }
    if (!allow && isPrivateLiteral(url.getHost())) {
      problem(
          line(node),
          what
              + ": url '"
              + text
              + "' points to a loopback or private address; set network.allow-private: true"
              + " to allow it");
    }
    return url;
  }

  private @Nullable Duration readInterval(@Nullable Node node, String what) {
    String text = text(node, "interval");
    if (text == null) {
      return node == null ? SourceDefinition.DEFAULT_INTERVAL : null;
    }
    Duration interval = parseInterval(text);
    if (interval == null) {
      problem(
          line(node), what + ": interval '" + text + "' is not a duration like 30s, 10m, 1h or 1d");
    } else if (interval.compareTo(SourceDefinition.MIN_INTERVAL) < 0) {
      problem(line(node), what + ": interval '" + text + "' is shorter than the minimum, 30s");
      return null;
    }
    return interval;
  }

  /** {@code 30s}, {@code 10m}, {@code 1h} or {@code 1d}; {@code null} if not such a duration. */
  static @Nullable Duration parseInterval(String text) {
    Matcher m = INTERVAL.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    long amount = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "h":
        return Duration.ofHours(amount);
      default:
        return Duration.ofDays(amount);
    }
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

  /** The mapping's entries by key, reporting duplicate and unknown keys; null if not a mapping. */
  private @Nullable Map<String, Node> mapping(Node node, String what, Set<String> known) {
    if (!(node instanceof MappingNode)) {
      problem(line(node), what + " must be a mapping of keys to values");
      return null;
    }
    Map<String, Node> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      Node keyNode = tuple.getKeyNode();
      String key = keyNode instanceof ScalarNode ? ((ScalarNode) keyNode).getValue() : "?";
      if (!known.contains(key)) {
        problem(
            line(keyNode), "unknown key '" + key + "' in " + what + "; known: " + sorted(known));
      } else if (entries.putIfAbsent(key, tuple.getValueNode()) != null) {
        problem(line(keyNode), "key '" + key + "' appears twice in " + what);
      }
    }
    return entries;
  }

  /** The scalar's text with variables replaced; null (and a problem) if absent or not a scalar. */
  private @Nullable String text(@Nullable Node node, String key) {
    if (node == null) {
      return null;
    }
    if (!(node instanceof ScalarNode)) {
      problem(line(node), "'" + key + "' must be a single value");
      return null;
    }
    String value = substitute(((ScalarNode) node).getValue(), line(node)).trim();
    if (value.isEmpty()) {
      problem(line(node), "'" + key + "' must not be empty");
      return null;
    }
    return value;
  }

  private String substitute(String value, int line) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = variables.get(m.group(1));
      if (replacement == null) {
        problem(line, "unknown variable ${" + m.group(1) + "}");
        replacement = "";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private boolean bool(Node node, String key) {
    String text = text(node, key);
    if (text == null) {
      return false;
    }
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        problem(line(node), "'" + key + "' must be true or false, not '" + text + "'");
        return false;
    }
  }

  private void problem(int line, String message) {
    problems.add(origin + ":" + line + ": " + message);
  }

  private static int line(@Nullable Node node) {
    return node == null ? 1 : node.getStartMark().map(Mark::getLine).orElse(0) + 1;
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }
}
