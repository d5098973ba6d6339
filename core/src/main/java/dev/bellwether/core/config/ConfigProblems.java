package dev.bellwether.core.config;

import dev.bellwether.core.ConfigException;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects the problems of one configuration file so that all of them are reported at once. */
public final class ConfigProblems {
  private final String origin;
  private final List<String> problems = new ArrayList<>();

  public ConfigProblems(String origin) {
    this.origin = origin;
  }

  public String origin() {
    return origin;
  }

  /** Records a problem at the line where {@code node} starts. */
  public void add(Node node, String what) {
    add(YamlNodes.line(node), what);
  }

  /** Records a problem at a 1-based line, or without a line when {@code line} is 0. */
  public void add(int line, String what) {
    problems.add(line > 0 ? origin + ":" + line + ": " + what : origin + ": " + what);
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Throws one {@link ConfigException} listing every problem, if there are any. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }
}
