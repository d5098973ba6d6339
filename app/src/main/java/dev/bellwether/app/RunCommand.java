package dev.bellwether.app;

import dev.bellwether.app.config.ConfigKey;
import dev.bellwether.app.demo.DemoFeedServer;
import dev.bellwether.app.ops.OpsHttpOptions;
import dev.bellwether.app.ops.RoleOps;
import dev.bellwether.app.trends.AdvertisedServer;
import dev.bellwether.app.trends.ProcessorsTrends;
import dev.bellwether.app.web.DashboardOptions;
import dev.bellwether.app.web.DashboardRole;
import dev.bellwether.dashboard.Dashboard;
import dev.bellwether.ingest.source.SourcesFile;
import dev.bellwether.processors.trends.TrendsAnswers;
import dev.bellwether.schemas.KafkaConnection;
import dev.bellwether.slackbot.SlackBot;
import dev.bellwether.slackbot.SlackBotConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bellwether run}: every role in one JVM, on an embedded broker unless told otherwise. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run Bellwether in one process: an embedded Kafka broker, the feed pollers and the"
          + " processors, printing each new alert as it arrives, with the dashboard at"
          + " http://127.0.0.1:8080/ (--http-port).",
      "",
      "Alerts go to stdout (readable lines, or JSON lines with --json); logs, including the"
          + " embedded broker's address for `bellwether tail`, go to stderr.",
      "State lives in the data directory: stop with Ctrl-C and start again (even after"
          + " kill -9) and already-seen items do not alert again."
    },
    footer = {
      "",
      "Examples:",
      "  bellwether run --demo                      # offline, bundled demo feeds",
      "  bellwether run                             # the feeds in config/sources.yaml",
      "  bellwether run --sources my-feeds.yaml --json | jq .headline",
      "  bellwether run --bootstrap-servers kafka:9092   # an existing cluster, no embedded broker"
    })
final class RunCommand implements Callable<Integer> {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunCommand.class);

  @ArgGroup(exclusive = true)
  SourceChoice sourceChoice = new SourceChoice();

  static final class SourceChoice {
    @Option(
        names = "--sources",
        paramLabel = "FILE",
        description = "Sources YAML file. Default: config/sources.yaml.")
    Path sources;

    @Option(
        names = "--demo",
        description = "Serve the bundled demo feeds from a loopback HTTP server (no network).")
    boolean demo;
  }

  @Option(names = "--data-dir", paramLabel = "DIR", descriptionKey = ConfigKey.Names.DATA_DIR)
  Path dataDir;

  @Option(
      names = "--kafka-port",
      paramLabel = "PORT",
      defaultValue = "9092",
      description =
          "Port of the embedded broker on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int kafkaPort;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      description = "Use this Kafka cluster instead of starting an embedded broker.")
  String bootstrapServers;

  @Option(
      names = "--kafka-config",
      paramLabel = "FILE",
      description =
          "Kafka client settings for the cluster of --bootstrap-servers, as Java properties"
              + " (security.protocol, sasl.*, ssl.*: docs/configuration.md); also"
              + " BELLWETHER_KAFKA_<SETTING> variables. Not used with the embedded broker.")
  Path kafkaConfig;

  @Option(names = "--json", description = "Print alerts as one JSON object per line.")
  boolean json;

  @Mixin TaggerFiles files = new TaggerFiles();

  @Mixin WatchlistOption watchlist = new WatchlistOption();

  @Mixin CommitIntervalOption commit = new CommitIntervalOption();

  @Mixin DashboardOptions dashboardOptions = new DashboardOptions();

  @Mixin OpsHttpOptions http = new OpsHttpOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (kafkaPort < 0 || kafkaPort > 65535) {
      throw new UserError("--kafka-port must be between 0 and 65535, not " + kafkaPort);
    }
    Duration commitInterval = commit.validated(spec);
    DemoFeedServer demo = sourceChoice.demo ? DemoFeedServer.start() : null;
    try {
      SourcesFile sources = demo != null ? demoSources(demo) : fileSources();
      Knowledge knowledge = files.knowledge(watchlist.file);
      SlackBotConfig slack = SlackBotConfig.fromEnv(System.getenv(), null);
      LocalPipeline.Options options =
          new LocalPipeline.Options(
              dataDir, kafkaPort, cluster(), sources, knowledge, json, commitInterval);
      AtomicReference<@Nullable TrendsAnswers> trends = new AtomicReference<>();
      try (Dashboard dashboard = DashboardRole.create(dashboardOptions);
          RoleOps ops =
              DashboardRole.serve(
                  "run", http, dashboard, ProcessorsTrends.of(trends::get, Clock.systemUTC()));
          LocalPipeline pipeline =
              LocalPipeline.start(
                  options,
                  System.out,
                  ops.meters(),
                  AdvertisedServer.of(null, http.host(), ops.server().port()))) {
        trends.set(pipeline.trends());
        ops.requireKafka(pipeline.connection());
        ops.requireStreamsRunning("processors", pipeline::processorsState);
        DashboardRole.start(dashboard, pipeline.connection(), ops);
        ops.started();
        log.info("Dashboard at {}/", ops.server().url());
        try (AutoCloseable bot =
            startSlackBot(slack, knowledge, pipeline.connection(), ops.meters())) {
          pipeline.printAlertsUntilShutdown();
          ops.stopping();
        }
      }
    } finally {
      if (demo != null) {
        demo.close();
      }
    }
    return 0;
  }

  /** The Slack bot too, when SLACK_BOT_TOKEN or SLACK_WEBHOOK_URL is set (docs/slack.md). */
  /** The cluster given with its client settings, or null for the embedded broker. */
  private @org.jspecify.annotations.Nullable KafkaConnection cluster() {
    if (bootstrapServers == null) {
      if (kafkaConfig != null) {
        throw new UserError(
            "--kafka-config needs --bootstrap-servers: the embedded broker takes no client"
                + " settings");
      }
      return null;
    }
    return KafkaSettings.connection(bootstrapServers, kafkaConfig, System.getenv());
  }

  private static AutoCloseable startSlackBot(
      SlackBotConfig slack,
      Knowledge knowledge,
      KafkaConnection cluster,
      io.micrometer.core.instrument.MeterRegistry meters) {
    if (!slack.enabled()) {
      return () -> {};
    }
    SlackBot bot = SlackBot.start(slack, SlackCommand.ruleRoutes(knowledge.watchlist()), cluster);
    SlackMeters.bind(meters, bot.stats());
    return bot;
  }

  private static SourcesFile demoSources(DemoFeedServer demo) {
    return SourcesFile.parse(
        DemoFeedServer.sourcesYaml(),
        "demo/sources.yaml",
        Map.of("DEMO_BASE", demo.baseUrl().toString()));
  }

  private SourcesFile fileSources() {
    Path file =
        sourceChoice.sources != null ? sourceChoice.sources : Path.of("config", "sources.yaml");
    if (!Files.isRegularFile(file)) {
      throw new UserError(
          "no sources file at "
              + file.toAbsolutePath()
              + "; pass --sources FILE, or --demo to try the bundled demo feeds");
    }
    return SourcesFile.load(file, System.getenv());
  }
}
