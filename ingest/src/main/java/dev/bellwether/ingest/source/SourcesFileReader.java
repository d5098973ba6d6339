package dev.bellwether.ingest.source;

import static dev.bellwether.ingest.source.YamlNodes.line;

import dev.bellwether.ingest.source.SourceTypeReader.Typed;
import dev.bellwether.ingest.source.SourceTypeReader.Where;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads one sources file, collecting every problem before failing. Not thread-safe. */
final class SourcesFileReader {
  /** Overrides {@code edgar.user-agent} of the file. */
  static final String EDGAR_USER_AGENT_VARIABLE = "BELLWETHER_EDGAR_USER_AGENT";

  private static final Set<String> TOP_KEYS = Set.of("sources", "network", "edgar");
  private static final Set<String> NETWORK_KEYS = Set.of("allow-private");
  private static final Set<String> EDGAR_KEYS = Set.of("user-agent");
  private static final Pattern INTERVAL = Pattern.compile("(\\d{1,9})([smhd])");
  private static final Pattern EMAIL = Pattern.compile("[^\\s@<>()]+@[^\\s@<>()]+\\.[A-Za-z]{2,}");

  private final String origin;
  private final YamlNodes yaml;
  private final SourceTypeReader types;
  private @Nullable String userAgent;
  private boolean userAgentReported;
  private int firstEdgarLine;

  SourcesFileReader(String origin, Map<String, String> variables) {
    this.origin = origin;
    this.yaml = new YamlNodes(origin, variables);
    this.types = new SourceTypeReader(yaml);
  }

  SourcesFile read(String yamlText) {
    Optional<Node> root = compose(yamlText);
    SourcesFile file = root.map(this::readRoot).orElse(null);
    if (root.isEmpty() && yaml.problemCount() == 0) {
      yaml.problem(1, "the file is empty; expected a 'sources' list");
    }
    if (yaml.problemCount() > 0 || file == null) {
      throw new SourcesException(origin, yaml.problems());
    }
    return file;
  }

  private Optional<Node> compose(String yamlText) {
    LoadSettings settings = LoadSettings.builder().setLabel(origin).build();
    try {
      return new Compose(settings).composeString(yamlText);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
      yaml.problem(line, "not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      yaml.problem(1, "not valid YAML: " + e.getMessage());
    }
    return Optional.empty();
  }

  private @Nullable SourcesFile readRoot(Node root) {
    Map<String, Node> top = yaml.mapping(root, "the file", TOP_KEYS);
    if (top == null) {
      return null;
    }
    boolean allowPrivate = readNetwork(top.get("network"));
    userAgent = readUserAgent(top.get("edgar"));
    Node sources = top.get("sources");
    if (sources == null) {
      yaml.problem(line(root), "missing 'sources': expected a list of sources");
      return null;
    }
    List<SourceDefinition> definitions = readSources(sources, allowPrivate);
    checkEdgarUserAgent();
    return new SourcesFile(definitions, allowPrivate);
  }

  private boolean readNetwork(@Nullable Node node) {
    if (node == null) {
      return false;
    }
    Map<String, Node> network = yaml.mapping(node, "'network'", NETWORK_KEYS);
    Node allow = network == null ? null : network.get("allow-private");
    return allow != null && yaml.bool(allow, "network.allow-private");
  }

  /** The environment's User-Agent, else the file's; null (reported later if needed) if unusable. */
  private @Nullable String readUserAgent(@Nullable Node node) {
    Map<String, Node> edgar = node == null ? null : yaml.mapping(node, "'edgar'", EDGAR_KEYS);
    Node agentNode = edgar == null ? null : edgar.get("user-agent");
    String fromFile = agentNode == null ? null : yaml.text(agentNode, "edgar.user-agent");
    if (fromFile != null && !hasContact(fromFile)) {
      yaml.problem(line(agentNode), edgarAgentProblem("edgar.user-agent '" + fromFile + "'"));
      userAgentReported = true;
      fromFile = null;
    }
    String fromEnvironment = yaml.variable(EDGAR_USER_AGENT_VARIABLE);
    if (fromEnvironment == null || fromEnvironment.isBlank()) {
      return fromFile;
    }
    return hasContact(fromEnvironment) ? fromEnvironment.trim() : null;
  }

  private void checkEdgarUserAgent() {
    if (firstEdgarLine == 0 || userAgent != null) {
      return;
    }
    String fromEnvironment = yaml.variable(EDGAR_USER_AGENT_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      yaml.problem(
          firstEdgarLine,
          edgarAgentProblem(EDGAR_USER_AGENT_VARIABLE + " '" + fromEnvironment + "'"));
    } else if (!userAgentReported) {
      yaml.problem(
          firstEdgarLine,
          "SEC EDGAR sources need a User-Agent with a contact email: set edgar.user-agent"
              + " (e.g. \"Example Research ops@example.com\") or "
              + EDGAR_USER_AGENT_VARIABLE);
    }
  }

  private static String edgarAgentProblem(String what) {
    return what
        + " has no contact email; SEC EDGAR requires a User-Agent like"
        + " \"Example Research ops@example.com\"";
  }

  static boolean hasContact(String userAgent) {
    return EMAIL.matcher(userAgent).find();
  }

  private List<SourceDefinition> readSources(Node node, boolean allowPrivate) {
    if (!(node instanceof SequenceNode)) {
      yaml.problem(line(node), "'sources' must be a list");
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
        yaml.problem(
            line(item),
            "duplicate source id '" + definition.id() + "' (first defined on line " + first + ")");
      } else {
        definitions.add(definition);
      }
    }
    return definitions;
  }

  private @Nullable SourceDefinition readSource(Node node, boolean allowPrivate) {
    String peekedType = YamlNodes.peek(node, "type");
    String typeName = peekedType == null ? SourceDefinition.RSS : peekedType;
    Map<String, Node> fields =
        yaml.mapping(node, article(typeName) + " source", SourceTypeReader.keys(typeName));
    if (fields == null) {
      return null;
    }
    int before = yaml.problemCount();
    String id = yaml.text(fields.get("id"), "id");
    Where where =
        new Where(id == null ? "source on line " + line(node) : "source '" + id + "'", line(node));
    if (fields.get("id") == null) {
      yaml.problem(line(node), where.what() + " has no id");
    }
    String type = readType(fields.get("type"), where.what());
    if (type.equals(SourceDefinition.EDGAR) && firstEdgarLine == 0) {
      firstEdgarLine = line(node);
    }
    String name = yaml.text(fields.get("name"), "name");
    Intervals intervals = readIntervals(fields, where.what());
    boolean mayReachPrivate =
        readSourceAllowPrivate(fields.get("allow-private"), where, allowPrivate);
    Typed typed = types.read(type, fields, where, mayReachPrivate, userAgent);
    if (yaml.problemCount() > before || id == null || typed == null || intervals == null) {
      return null;
    }
    return new SourceDefinition(
        id,
        type,
        name == null ? id : name,
        typed.url(),
        intervals.interval(),
        mayReachPrivate,
        intervals.min(),
        intervals.max(),
        typed.options());
  }

  /**
   * A source's own {@code allow-private}: it may only narrow the file's {@code
   * network.allow-private} (false keeps this source, and every redirect it answers with, off
   * loopback and private addresses); true without the file's permission is a problem.
   */
  private boolean readSourceAllowPrivate(@Nullable Node node, Where where, boolean fileAllows) {
    if (node == null) {
      return fileAllows;
    }
    boolean wanted = yaml.bool(node, "allow-private");
    if (wanted && !fileAllows) {
      yaml.problem(
          line(node),
          where.what()
              + ": allow-private: true needs network.allow-private: true for the whole file");
      return false;
    }
    return wanted;
  }

  private static String article(String type) {
    return Set.of(SourceDefinition.RSS, SourceDefinition.EDGAR, SourceDefinition.HTML)
            .contains(type)
        ? "an " + type
        : "a " + type;
  }

  private String readType(@Nullable Node node, String what) {
    String type = yaml.text(node, "type");
    if (type == null) {
      return SourceDefinition.RSS;
    }
    if (!SourceDefinition.TYPES.contains(type)) {
      yaml.problem(
          line(node),
          what
              + ": unknown type '"
              + type
              + "'; this version supports "
              + SourceOptions.sortedTypes());
    }
    return type;
  }

  private record Intervals(Duration interval, Duration min, Duration max) {}

  private @Nullable Intervals readIntervals(Map<String, Node> fields, String what) {
    Duration interval =
        readDuration(fields.get("interval"), "interval", what, SourceDefinition.DEFAULT_INTERVAL);
    if (interval == null) {
      return null;
    }
    Node minNode = fields.get("min-interval");
    Node maxNode = fields.get("max-interval");
    Duration min =
        readDuration(minNode, "min-interval", what, SourceDefinition.defaultMinInterval(interval));
    Duration max =
        readDuration(maxNode, "max-interval", what, SourceDefinition.defaultMaxInterval(interval));
    boolean minTooLong = min != null && min.compareTo(interval) > 0;
    boolean maxTooShort = max != null && max.compareTo(interval) < 0;
    if (minTooLong) {
      yaml.problem(line(minNode), what + ": min-interval is longer than the interval");
    }
    if (maxTooShort) {
      yaml.problem(line(maxNode), what + ": max-interval is shorter than the interval");
    }
    return min == null || max == null || minTooLong || maxTooShort
        ? null
        : new Intervals(interval, min, max);
  }

  /** The duration under {@code key}, {@code otherwise} if absent, null after a problem. */
  private @Nullable Duration readDuration(
      @Nullable Node node, String key, String what, Duration otherwise) {
    if (node == null) {
      return otherwise;
    }
    String text = yaml.text(node, key);
    if (text == null) {
      return null;
    }
    Duration duration = parseInterval(text);
    if (duration == null) {
      yaml.problem(
          line(node),
          what + ": " + key + " '" + text + "' is not a duration like 30s, 10m, 1h or 1d");
    } else if (duration.compareTo(SourceDefinition.MIN_INTERVAL) < 0) {
      yaml.problem(
          line(node), what + ": " + key + " '" + text + "' is shorter than the minimum, 30s");
      return null;
    }
    return duration;
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
}
