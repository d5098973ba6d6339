package dev.bellwether.ingest.source;

import dev.bellwether.ingest.IngestException;
import java.util.List;

/** A sources file with problems; {@link #problems()} lists every one, each with file and line. */
public final class SourcesException extends IngestException {
  private final List<String> problems;

  public SourcesException(String origin, List<String> problems) {
    super(describe(origin, problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as {@code file:line: what is wrong}. */
  public List<String> problems() {
    return problems;
  }

  private static String describe(String origin, List<String> problems) {
    String noun = problems.size() == 1 ? "problem" : "problems";
    return origin
        + " has "
        + problems.size()
        + " "
        + noun
        + ":\n  "
        + String.join("\n  ", problems);
  }
}
