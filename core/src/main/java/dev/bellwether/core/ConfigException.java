package dev.bellwether.core;

import java.util.List;

/**
 * The root of Bellwether's configuration errors: a file that cannot be used, with every problem
 * found in it, each one sentence saying what is wrong and where.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(summary(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in the order found, each naming its origin and line where known. */
  public List<String> problems() {
    return problems;
  }

  private static String summary(List<String> problems) {
    return problems.size() == 1
        ? problems.get(0)
        : problems.size() + " configuration problems:\n  " + String.join("\n  ", problems);
  }
}
