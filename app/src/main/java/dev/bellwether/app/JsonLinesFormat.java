package dev.bellwether.app;

import picocli.CommandLine.Option;

/** {@code --format} of the commands that print one JSON object a line; JSON Lines only, for now. */
final class JsonLinesFormat {
  /** The output formats. */
  enum OutputFormat {
    jsonl
  }

  @Option(
      names = "--format",
      defaultValue = "jsonl",
      description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  OutputFormat format = OutputFormat.jsonl;
}
