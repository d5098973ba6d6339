package dev.bellwether.ingest.source;

import static dev.bellwether.yaml.YamlDocument.line;

import dev.bellwether.ingest.source.SourceTypeReader.Typed;
import dev.bellwether.ingest.source.SourceTypeReader.Where;
import dev.bellwether.yaml.YamlDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads one sources file, collecting every problem before failing. Not thread-safe. */
final class SourcesFileReader {
  /** Overrides {@code edgar.user-agent} of the file. */
  static final String EDGAR_USER_AGENT_VARIABLE = SourcesFile.EDGAR_USER_AGENT_VARIABLE;

  private static final Set<String> TOP_KEYS = Set.of("sources", "network", "edgar");
  private static final Set<String> NETWORK_KEYS = Set.of("allow-private");
  private static final Set<String> EDGAR_KEYS = Set.of("user-agent");
  private static final Pattern EMAIL = Pattern.compile("[^\\s@<>()]+@[^\\s@<>()]+\\.[A-Za-z]{2,}");

  private final String origin;
  private final Map<String, String> variables;
  private final YamlDocument yaml;
  private final SourceTypeReader types;
  private @Nullable String userAgent;
  private int firstEdgarLine;

  SourcesFileReader(String origin, Map<String, String> variables) {
    this.origin = origin;
    this.variables = Map.copyOf(variables);
    this.yaml = YamlDocument.withVariables(origin, variables);
    this.types = new SourceTypeReader(yaml);
  }

  SourcesFile read(String yamlText) {
    Optional<SourcesFile> file = yaml.parse(yamlText, "a 'sources' list").flatMap(this::readRoot);
    if (yaml.hasProblems() || file.isEmpty()) {
      throw new SourcesException(origin, yaml.problems());
    }
    return file.get();
  }

  private Optional<SourcesFile> readRoot(Node root) {
    Optional<Map<String, Node>> entries = yaml.mapping(root, "the file", TOP_KEYS);
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Node> top = entries.get();
    boolean allowPrivate = readNetwork(top.get("network"));
    userAgent = readUserAgent(top.get("edgar"));
    Node sources = top.get("sources");
    if (sources == null) {
      yaml.problem(line(root), "missing 'sources': expected a list of sources");
      return Optional.empty();
    }
    List<SourceDefinition> definitions = new ArrayList<>();
    List<SourcesFile.Off> off = new ArrayList<>();
    for (Read read : readSources(sources, allowPrivate)) {
      if (read.definition() != null) {
        definitions.add(read.definition());
      } else if (read.off() != null) {
        off.add(read.off());
      }
    }
    checkEdgarUserAgent();
    return Optional.of(new SourcesFile(definitions, allowPrivate, off));
  }

  private boolean readNetwork(@Nullable Node node) {
    if (node == null) {
      return false;
    }
    Node allow =
        yaml.mapping(node, "'network'", NETWORK_KEYS).orElse(Map.of()).get("allow-private");
    return allow != null && yaml.bool(allow, "'network.allow-private'");
  }

  /** The environment's User-Agent, else the file's; null (reported later if needed) if unusable. */
  private @Nullable String readUserAgent(@Nullable Node node) {
    Map<String, Node> edgar =
        node == null ? Map.of() : yaml.mapping(node, "'edgar'", EDGAR_KEYS).orElse(Map.of());
    Node agentNode = edgar.get("user-agent");
    String fromFile = yaml.text(agentNode, "'edgar.user-agent'").orElse(null);
    if (fromFile != null && !hasContact(fromFile)) {
      yaml.problem(line(agentNode), edgarAgentProblem("edgar.user-agent '" + fromFile + "'"));
      fromFile = null;
    }
    String fromEnvironment = variables.get(EDGAR_USER_AGENT_VARIABLE);
    if (fromEnvironment == null || fromEnvironment.isBlank()) {
      return fromFile;
    }
    return hasContact(fromEnvironment) ? fromEnvironment.trim() : null;
  }

  private void checkEdgarUserAgent() {
    if (firstEdgarLine == 0 || userAgent != null) {
      return;
    }
    String fromEnvironment = variables.get(EDGAR_USER_AGENT_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      yaml.problem(
          firstEdgarLine,
          edgarAgentProblem(EDGAR_USER_AGENT_VARIABLE + " '" + fromEnvironment + "'"));
    }
    // No User-Agent given at all: the edgar sources are off (SourcesFile.off), not a problem.
  }

  private static String edgarAgentProblem(String what) {
    return what
        + " has no contact email; SEC EDGAR requires a User-Agent like"
        + " \"Example Research ops@example.com\"";
  }

  static boolean hasContact(String userAgent) {
    return EMAIL.matcher(userAgent).find();
  }

  /** A source as read: to poll, or off (an EDGAR source while no User-Agent is set). */
  private record Read(
      String id, @Nullable SourceDefinition definition, SourcesFile.@Nullable Off off) {}

  private List<Read> readSources(Node node, boolean allowPrivate) {
    if (!(node instanceof SequenceNode)) {
      yaml.problem(line(node), "'sources' must be a list");
      return List.of();
    }
    List<Read> reads = new ArrayList<>();
    Map<String, Integer> firstLines = new HashMap<>();
    for (Node item : ((SequenceNode) node).getValue()) {
      Read read = readSource(item, allowPrivate);
      if (read == null) {
        continue;
      }
      Integer first = firstLines.putIfAbsent(read.id(), line(item));
      if (first != null) {
        yaml.problem(
            line(item),
            "duplicate source id '" + read.id() + "' (first defined on line " + first + ")");
      } else {
        reads.add(read);
      }
    }
    return reads;
  }

  private @Nullable Read readSource(Node node, boolean allowPrivate) {
    String typeName = YamlDocument.peek(node, "type").orElse(SourceDefinition.RSS);
    Map<String, Node> fields =
        yaml.mapping(node, article(typeName) + " source", SourceTypeReader.keys(typeName))
            .orElse(null);
    if (fields == null) {
      return null;
    }
    int before = yaml.problemCount();
    String id = yaml.text(fields.get("id"), "'id'").orElse(null);
    Where where =
        new Where(id == null ? "source on line " + line(node) : "source '" + id + "'", line(node));
    if (fields.get("id") == null) {
      yaml.problem(line(node), where.what() + " has no id");
    }
    String type = readType(fields.get("type"), where.what());
    if (type.equals(SourceDefinition.EDGAR) && firstEdgarLine == 0) {
      firstEdgarLine = line(node);
    }
    String name = yaml.text(fields.get("name"), "'name'").orElse(null);
    Intervals intervals = readIntervals(fields, where.what());
    boolean mayReachPrivate =
        readSourceAllowPrivate(fields.get("allow-private"), where, allowPrivate);
    Typed typed = types.read(type, fields, where, mayReachPrivate, userAgent);
    if (yaml.problemCount() > before || id == null || typed == null || intervals == null) {
      return null;
    }
    String shown = name == null ? id : name;
    if (type.equals(SourceDefinition.EDGAR) && userAgent == null) {
      return new Read(
          id,
          null,
          new SourcesFile.Off(id, type, shown, typed.url(), SourcesFile.EDGAR_OFF_REASON));
    }
    return new Read(
        id,
        new SourceDefinition(
            id,
            type,
            shown,
            typed.url(),
            intervals.interval(),
            mayReachPrivate,
            intervals.min(),
            intervals.max(),
            typed.options()),
        null);
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
    boolean wanted = yaml.bool(node, "'allow-private'");
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
    String type = yaml.text(node, "'type'").orElse(null);
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
    return yaml.duration(node, what + ": " + key, SourceDefinition.MIN_INTERVAL).orElse(null);
  }

  /** {@code 30s}, {@code 10m}, {@code 1h} or {@code 1d}; {@code null} if not such a duration. */
  static @Nullable Duration parseInterval(String text) {
    return YamlDocument.parseDuration(text).orElse(null);
  }
}
