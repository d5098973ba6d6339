package dev.bellwether.ingest.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads values out of composed YAML nodes, substituting {@code ${NAME}} variables and collecting
 * every problem as {@code origin:line: message} instead of throwing. Not thread-safe.
 */
final class YamlNodes {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private final String origin;
  private final Map<String, String> variables;
  private final List<String> problems = new ArrayList<>();

  YamlNodes(String origin, Map<String, String> variables) {
    this.origin = origin;
    this.variables = Map.copyOf(variables);
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  int problemCount() {
    return problems.size();
  }

  @Nullable String variable(String name) {
    return variables.get(name);
  }

  void problem(int line, String message) {
    problems.add(origin + ":" + line + ": " + message);
  }

  static int line(@Nullable Node node) {
    return node == null ? 1 : node.getStartMark().map(Mark::getLine).orElse(0) + 1;
  }

  /** The mapping's entries by key, reporting duplicate and unknown keys; null if not a mapping. */
  @Nullable Map<String, Node> mapping(Node node, String what, Set<String> known) {
    if (!(node instanceof MappingNode)) {
      problem(line(node), what + " must be a mapping of keys to values");
      return null;
    }
    Map<String, Node> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      Node keyNode = tuple.getKeyNode();
      String key = rawText(keyNode);
      if (!known.contains(key)) {
        problem(
            line(keyNode), "unknown key '" + key + "' in " + what + "; known: " + sorted(known));
      } else if (entries.putIfAbsent(key, tuple.getValueNode()) != null) {
        problem(line(keyNode), "key '" + key + "' appears twice in " + what);
      }
    }
    return entries;
  }

  /** The raw text of a scalar's value under {@code key} in a mapping, if any; no problems. */
  static @Nullable String peek(Node node, String key) {
    if (!(node instanceof MappingNode)) {
      return null;
    }
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      if (key.equals(rawText(tuple.getKeyNode())) && tuple.getValueNode() instanceof ScalarNode) {
        return ((ScalarNode) tuple.getValueNode()).getValue().trim();
      }
    }
    return null;
  }

  /** The scalar's text with variables replaced; null (and a problem) if absent or not a scalar. */
  @Nullable String text(@Nullable Node node, String key) {
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

  /** A list of scalars, or one scalar as a list of one; null (and a problem) if malformed. */
  @Nullable List<String> texts(@Nullable Node node, String key) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode) {
      String one = text(node, key);
      return one == null ? null : List.of(one);
    }
    if (!(node instanceof SequenceNode) || ((SequenceNode) node).getValue().isEmpty()) {
      problem(line(node), "'" + key + "' must be a non-empty list");
      return null;
    }
    List<String> values = new ArrayList<>();
    for (Node item : ((SequenceNode) node).getValue()) {
      String value = text(item, key);
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }

  boolean bool(Node node, String key) {
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

  private static String rawText(Node node) {
    return node instanceof ScalarNode ? ((ScalarNode) node).getValue() : "?";
  }

  static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }
}
