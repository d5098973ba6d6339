package dev.bellwether.app;

import dev.bellwether.app.config.ConfigKey;
import dev.bellwether.app.config.EnvironmentDefaults;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bellwether} command. */
@Command(
    name = "bellwether",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Watches the AI industry: pulls news feeds and filings, tags companies and events"
          + " (funding, export controls, partnerships, acquisitions, IPOs) and publishes one"
          + " alert per story to Kafka.",
    },
    subcommands = {
      RunCommand.class,
      IngestCommand.class,
      FetchCommand.class,
      ProcessCommand.class,
      TailCommand.class,
      SlackCommand.class,
      WebCommand.class,
      ReplayCommand.class,
      FeedsCommand.class,
      SourcesCommand.class,
      ExtractCommand.class,
      TagCommand.class,
      EvalCommand.class,
      TrainCommand.class,
      TopicsCommand.class,
      HealthCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Start here:",
      "  bellwether run --demo        # embedded Kafka, bundled demo feeds, alerts on screen",
      "  bellwether tail --help       # read alerts from a running cluster",
      "",
      "Docs: README.md and docs/ in the source tree."
    })
public final class Bellwether {
  private Bellwether() {}

  public static void main(String[] args) {
    // Checked before anything logs: logback reads the variable when the first logger is made.
    var badLogFormat = LogFormat.problem(System.getenv(LogFormat.VARIABLE));
    if (badLogFormat.isPresent()) {
      System.err.println("bellwether: " + badLogFormat.get());
      System.exit(UserErrors.USER_ERROR);
    }
    if (args.length > 0 && LONG_RUNNING.contains(args[0])) {
      ShutdownSignals.installEarly();
    }
    System.exit(commandLine().execute(args));
  }

  /** Commands that run until stopped: SIGTERM during their start-up stops them cleanly. */
  private static final java.util.Set<String> LONG_RUNNING =
      java.util.Set.of("run", "ingest", "process", "fetch", "slack", "web");

  /** The command line with Bellwether's error handling, shared by main and the tests. */
  public static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /** The command line whose options take their defaults from {@code env} ({@link ConfigKey}). */
  public static CommandLine commandLine(Map<String, String> env) {
    CommandLine cli = new CommandLine(Bellwether.class);
    cli.setExecutionExceptionHandler(new UserErrors());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.registerConverter(Duration.class, new DurationConverter());
    EnvironmentDefaults.install(cli, env);
    return cli;
  }
}
