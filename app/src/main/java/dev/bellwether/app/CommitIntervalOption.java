package dev.bellwether.app;

import dev.bellwether.app.config.ConfigKey;
import dev.bellwether.processors.ProcessorsRunner;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How often the processors commit their exactly-once transactions, shared by {@code run} and {@code
 * process} ({@code @Mixin}).
 */
final class CommitIntervalOption {
  @Option(
      names = "--commit-interval",
      paramLabel = "DURATION",
      descriptionKey = ConfigKey.Names.COMMIT_INTERVAL)
  Duration interval;

  /**
   * The interval, checked before anything starts.
   *
   * @throws ParameterException (a usage error, exit 2) when it is outside 10 ms to 1 minute
   */
  Duration validated(CommandSpec spec) {
    try {
      ProcessorsRunner.requireValidCommitInterval(interval);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--commit-interval: " + e.getMessage());
    }
    return interval;
  }
}
