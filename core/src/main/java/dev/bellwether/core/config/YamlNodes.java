package dev.bellwether.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * Reads YAML as a node tree, which keeps line numbers, and offers the few typed reads our
 * configuration files need. Every read reports a mismatch to {@link ConfigProblems} instead of
 * throwing, so one pass finds every problem.
 */
public final class YamlNodes {
  private YamlNodes() {}

  /** Parses one YAML document; a syntax error becomes a problem and an empty result. */
  public static Optional<Node> parse(String yaml, ConfigProblems problems) {
    LoadSettings settings = LoadSettings.builder().setLabel(problems.origin()).build();
    try {
      Optional<Node> root = new Compose(settings).composeString(yaml);
      if (root.isEmpty()) {
        problems.add(0, "the file is empty");
      }
      return root;
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      problems.add(line, "not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      problems.add(0, "not valid YAML: " + e.getMessage());
    }
    return Optional.empty();
  }

  /** The 1-based line where a node starts, or 0 when unknown. */
  public static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  /** The entries of a mapping by key, in file order; a non-mapping is a problem. */
  public static Map<String, Node> mapping(Node node, String what, ConfigProblems problems) {
    Map<String, Node> entries = new LinkedHashMap<>();
    if (!(node instanceof MappingNode map)) {
      problems.add(node, what + " must be a mapping");
      return entries;
    }
    for (NodeTuple tuple : map.getValue()) {
      scalar(tuple.getKeyNode(), "a key", problems)
          .ifPresent(key -> entries.put(key, tuple.getValueNode()));
    }
    return entries;
  }

  /** The items of a sequence; a non-sequence is a problem. */
  public static List<Node> sequence(Node node, String what, ConfigProblems problems) {
    if (node instanceof SequenceNode seq) {
      return seq.getValue();
    }
    problems.add(node, what + " must be a list");
    return List.of();
  }

  /** The text of a non-blank scalar. */
  public static Optional<String> scalar(Node node, String what, ConfigProblems problems) {
    if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
      return Optional.of(s.getValue().trim());
    }
    problems.add(node, what + " must be a non-empty text");
    return Optional.empty();
  }

  /** A list of non-blank texts; a single scalar is read as a list of one. */
  public static List<String> strings(Node node, String what, ConfigProblems problems) {
    List<String> out = new ArrayList<>();
    if (node instanceof ScalarNode) {
      scalar(node, what, problems).ifPresent(out::add);
      return out;
    }
    for (Node item : sequence(node, what, problems)) {
      scalar(item, "each item of " + what, problems).ifPresent(out::add);
    }
    return out;
  }

  /** A boolean written as {@code true} or {@code false}. */
  public static boolean bool(Node node, String what, ConfigProblems problems) {
    Optional<String> text = scalar(node, what, problems).map(t -> t.toLowerCase(Locale.ROOT));
    if (text.isPresent() && !text.get().equals("true") && !text.get().equals("false")) {
      problems.add(node, what + " must be true or false, not '" + text.get() + "'");
    }
    return text.map("true"::equals).orElse(false);
  }

  /** Reports every key of a mapping that is not among the known ones. */
  public static void rejectUnknownKeys(
      Map<String, Node> entries, List<String> known, ConfigProblems problems) {
    for (Map.Entry<String, Node> e : entries.entrySet()) {
      if (!known.contains(e.getKey())) {
        problems.add(
            e.getValue(),
            "unknown key '" + e.getKey() + "' (known: " + String.join(", ", known) + ")");
      }
    }
  }
}
