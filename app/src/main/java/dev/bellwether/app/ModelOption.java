package dev.bellwether.app;

import picocli.CommandLine.Option;

/**
 * The {@code --model} option of the commands that tag: the learned event model beside the rules.
 */
final class ModelOption {
  @Option(
      names = "--model",
      paramLabel = "FILE|builtin|none",
      defaultValue = "${env:BELLWETHER_MODEL:-builtin}",
      description =
          "The learned event model beside the rules (docs/tagging.md): a file written by"
              + " `bellwether train`, the built-in one, or none for the rules alone."
              + " Env BELLWETHER_MODEL. Default: ${DEFAULT-VALUE}.")
  String model = "builtin";
}
