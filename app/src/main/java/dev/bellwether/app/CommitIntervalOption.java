package dev.bellwether.app;

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
      converter = DurationConverter.class,
      defaultValue = "${env:BELLWETHER_COMMIT_INTERVAL:-200ms}",
      description =
          "How often the processors commit their exactly-once transactions (env"
              + " BELLWETHER_COMMIT_INTERVAL), 10ms to 1m. An alert waits for two commits:"
              + " 100ms gives alerts sooner up to about half of saturation, 200ms keeps p99"
              + " under a second nearer to saturation. Default: ${DEFAULT-VALUE}.")
  Duration interval = ProcessorsRunner.DEFAULT_COMMIT_INTERVAL;

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
