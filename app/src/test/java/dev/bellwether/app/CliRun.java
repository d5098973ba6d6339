package dev.bellwether.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the {@code bellwether} command in this JVM as a user would, keeping what it printed. */
final class CliRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one run left behind: its exit code and everything it printed. */
  record Result(int code, String out, String err) {
    /** Standard output read as one JSON document per non-blank line. */
    List<JsonNode> jsonLines() {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : out.split("\\R")) {
        if (!line.isBlank()) {
          lines.add(readJson(line));
        }
      }
      return lines;
    }
  }

  private CliRun() {}

  static Result run(String... args) {
    return run(cli -> {}, args);
  }

  /**
   * Runs the command after {@code prepare} has set on it what a user's shell would give (the
   * environment, standard input).
   */
  static Result run(Consumer<CommandLine> prepare, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // Defaults as documented, whatever the developer's shell sets (prepare may add variables).
    CommandLine cli = Bellwether.commandLine(Map.of());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    prepare.accept(cli);
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** The subcommand object {@code name} that the next run will execute. */
  static <T> T subcommand(CommandLine cli, String name) {
    return cli.getSubcommands().get(name).getCommand();
  }

  private static JsonNode readJson(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON line: " + line, e);
    }
  }
}
