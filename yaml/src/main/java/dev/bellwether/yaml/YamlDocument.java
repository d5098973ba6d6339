package dev.bellwether.yaml;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One configuration file being read: its YAML composed into nodes that keep their lines, typed
 * reads of those nodes, and every problem found, each as {@code file:line: message}. A read that
 * does not fit records a problem and returns an empty result instead of throwing, so one pass finds
 * every problem; the caller turns {@link #problems()} into its own exception. Not thread-safe.
 *
 * <p>{@code what} arguments name the value as the user should read it in a message ({@code
 * "'interval'"}, {@code "rule 'deals' severity"}); this class adds no quotes of its own.
 */
public final class YamlDocument {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd])");

  private final String origin;
  private final @Nullable Map<String, String> variables;
  private final List<String> problems = new ArrayList<>();

  private YamlDocument(String origin, @Nullable Map<String, String> variables) {
    this.origin = origin;
    this.variables = variables == null ? null : Map.copyOf(variables);
  }

  /** A file whose texts are read as written. */
  public static YamlDocument of(String origin) {
    return new YamlDocument(origin, null);
  }

  /** A file whose texts have each {@code ${NAME}} replaced from {@code variables}. */
  public static YamlDocument withVariables(String origin, Map<String, String> variables) {
    return new YamlDocument(origin, variables);
  }

  /** The file name that starts every problem. */
  public String origin() {
    return origin;
  }

  /**
   * Composes one YAML document. A syntax error or an empty file becomes a problem and an empty
   * result.
   *
   * @param expected what the file should hold, for the message about an empty file
   */
  public Optional<Node> parse(String yaml, String expected) {
    LoadSettings settings = LoadSettings.builder().setLabel(origin).build();
    try {
      Optional<Node> root = new Compose(settings).composeString(yaml);
      if (root.isEmpty()) {
        problem(1, "the file is empty; expected " + expected);
      }
      return root;
    } catch (MarkedYamlEngineException e) {
      problem(e.getProblemMark().map(m -> m.getLine() + 1).orElse(0), notYaml(e.getProblem()));
    } catch (YamlEngineException e) {
      problem(0, notYaml(e.getMessage()));
    }
    return Optional.empty();
  }

  private static String notYaml(@Nullable String detail) {
    return "not valid YAML: " + detail;
  }

  /** Every problem so far, in the order found. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  public int problemCount() {
    return problems.size();
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** Records a problem at a 1-based line, or without a line when {@code line} is 0. */
  public void problem(int line, String message) {
    problems.add(line > 0 ? origin + ":" + line + ": " + message : origin + ": " + message);
  }

  /** Records a problem at the line where {@code node} starts. */
  public void problem(@Nullable Node node, String message) {
    problem(line(node), message);
  }

  /** The 1-based line where a node starts, or 0 when there is no node or no line. */
  public static int line(@Nullable Node node) {
    return node == null ? 0 : node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  /**
   * The entries of a mapping whose keys are all among {@code known}, in file order. Unknown and
   * repeated keys are problems at their line and left out; a node that is not a mapping is a
   * problem and empty.
   */
  public Optional<Map<String, Node>> mapping(Node node, String what, Collection<String> known) {
    return entries(node, what, known);
  }

  /** The entries of a mapping with keys of any name (routes, surfaces, currencies), in order. */
  public Optional<Map<String, Node>> mapping(Node node, String what) {
    return entries(node, what, null);
  }

  private Optional<Map<String, Node>> entries(
      Node node, String what, @Nullable Collection<String> known) {
    if (!(node instanceof MappingNode map)) {
      problem(node, what + " must be a mapping of keys to values");
      return Optional.empty();
    }
    Map<String, Node> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      String key = keyNode instanceof ScalarNode s ? s.getValue() : null;
      if (key == null) {
        problem(keyNode, "a key in " + what + " must be a single value");
      } else if (known != null && !known.contains(key)) {
        problem(keyNode, "unknown key '" + key + "' in " + what + "; known: " + sorted(known));
      } else if (entries.putIfAbsent(key, tuple.getValueNode()) != null) {
        problem(keyNode, "key '" + key + "' appears twice in " + what);
      }
    }
    return Optional.of(entries);
  }

  /** The items of a sequence; anything else is a problem and no items. */
  public List<Node> sequence(Node node, String what) {
    if (node instanceof SequenceNode seq) {
      return seq.getValue();
    }
    problem(node, what + " must be a list");
    return List.of();
  }

  /**
   * The trimmed text of a scalar, variables replaced. An absent node ({@code null}) is empty
   * without a problem; a node that is not a scalar, or a blank one, is a problem.
   */
  public Optional<String> text(@Nullable Node node, String what) {
    if (node == null) {
      return Optional.empty();
    }
    if (!(node instanceof ScalarNode scalar)) {
      problem(node, what + " must be a single value");
      return Optional.empty();
    }
    String value = substitute(scalar.getValue(), line(node)).trim();
    if (value.isEmpty()) {
      problem(node, what + " must not be empty");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** The texts of a list of scalars; a single scalar is read as a list of one. */
  public List<String> texts(Node node, String what) {
    List<String> values = new ArrayList<>();
    if (node instanceof ScalarNode) {
      text(node, what).ifPresent(values::add);
      return values;
    }
    for (Node item : sequence(node, what)) {
      text(item, "each item of " + what).ifPresent(values::add);
    }
    return values;
  }

  /** {@code true} or {@code false} in any case; anything else is a problem and false. */
  public boolean bool(Node node, String what) {
    Optional<String> text = text(node, what);
    if (text.isEmpty()) {
      return false;
    }
    return switch (text.get().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problem(node, what + " must be true or false, not '" + text.get() + "'");
        yield false;
      }
    };
  }

  /**
   * A duration written as {@link #parseDuration}, at least {@code minimum}; anything else is a
   * problem and empty.
   */
  public Optional<Duration> duration(Node node, String what, Duration minimum) {
    Optional<String> text = text(node, what);
    Optional<Duration> duration = text.flatMap(YamlDocument::parseDuration);
    if (text.isPresent() && duration.isEmpty()) {
      problem(node, what + " '" + text.get() + "' is not a duration like 30s, 10m, 1h or 1d");
    } else if (duration.isPresent() && duration.get().compareTo(minimum) < 0) {
      problem(
          node,
          what + " '" + text.get() + "' is shorter than the minimum, " + durationText(minimum));
      return Optional.empty();
    }
    return duration;
  }

  /** A duration as {@link #parseDuration} reads it, in its largest whole unit: {@code 30s}. */
  public static String durationText(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds != 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    } else if (seconds != 0 && seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    } else if (seconds != 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }

  /** {@code 30s}, {@code 10m}, {@code 1h} or {@code 1d}: whole seconds, minutes, hours, days. */
  public static Optional<Duration> parseDuration(String text) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(m.group(1));
    return Optional.of(
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        });
  }

  /**
   * The raw text of the scalar under {@code key} in a mapping, if there is one; records no problem,
   * for deciding how to read the rest (a source's type picks its keys).
   */
  public static Optional<String> peek(Node node, String key) {
    if (node instanceof MappingNode map) {
      for (NodeTuple tuple : map.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k
            && k.getValue().equals(key)
            && tuple.getValueNode() instanceof ScalarNode v) {
          return Optional.of(v.getValue().trim());
        }
      }
    }
    return Optional.empty();
  }

  /** Names in alphabetical order, as problems list the keys or values that are known. */
  public static List<String> sorted(Collection<String> names) {
    return names.stream().sorted().toList();
  }

  private String substitute(String value, int line) {
    if (variables == null) {
      return value;
    }
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
}
