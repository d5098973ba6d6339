package dev.bellwether.app;

import dev.bellwether.app.config.ConfigKey;
import picocli.CommandLine.Option;

/**
 * The {@code --model} option of the commands that tag: the learned event model beside the rules.
 */
final class ModelOption {
  @Option(
      names = "--model",
      paramLabel = "FILE|builtin|none",
      descriptionKey = ConfigKey.Names.MODEL)
  String model;
}
