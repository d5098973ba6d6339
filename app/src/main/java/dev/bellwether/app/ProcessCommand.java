package dev.bellwether.app;

import dev.bellwether.app.config.ConfigKey;
import dev.bellwether.app.ops.OpsHttpOptions;
import dev.bellwether.app.ops.RoleOps;
import dev.bellwether.app.trends.AdvertisedServer;
import dev.bellwether.app.trends.HttpTrendsPeers;
import dev.bellwether.app.trends.ProcessorsTrends;
import dev.bellwether.dashboard.trends.TrendsRoute;
import dev.bellwether.processors.BellwetherTopology;
import dev.bellwether.processors.ProcessorsRunner;
import dev.bellwether.processors.trends.TrendsAnswers;
import dev.bellwether.schemas.TopicInstaller;
import dev.bellwether.schemas.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.state.HostInfo;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bellwether process}: the Kafka Streams processors alone, against a running cluster. */
@Command(
    name = "process",
    mixinStandardHelpOptions = true,
    description = {
      "Run the processors alone against a Kafka cluster: dedupe discovered items, tag articles"
          + " and publish alerts, exactly once. Articles come from the page fetchers"
          + " (bellwether fetch) unless --articles-from-feed-summaries is given.",
      "",
      "Start several to share the partitions (Kafka Streams application bellwether-processors);"
          + " each keeps its state stores under --state-dir."
    },
    footer = {
      "",
      "Examples:",
      "  bellwether process --bootstrap-servers kafka:9092",
      "  bellwether process --bootstrap-servers kafka:9092 --watchlist my-watchlist.yaml"
    })
final class ProcessCommand implements Callable<Integer> {
  @Mixin KafkaOptions kafka = new KafkaOptions();

  @Option(names = "--state-dir", paramLabel = "DIR", descriptionKey = ConfigKey.Names.STATE_DIR)
  Path stateDir;

  @Mixin TaggerFiles files = new TaggerFiles();

  @Mixin WatchlistOption watchlist = new WatchlistOption();

  @Option(
      names = "--articles-from-feed-summaries",
      description =
          "Make articles from the feed summaries here, for running without page fetchers"
              + " (bellwether fetch). Default: off; the fetchers write the articles.")
  boolean articlesFromFeedSummaries;

  @Mixin StoryWindowOption storyWindow = new StoryWindowOption();

  @Mixin CommitIntervalOption commit = new CommitIntervalOption();

  @Option(
      names = "--http-advertised-host",
      paramLabel = "HOST",
      descriptionKey = ConfigKey.Names.HTTP_ADVERTISED_HOST)
  @Nullable String advertisedHost;

  @Mixin OpsHttpOptions http = new OpsHttpOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Duration commitInterval = commit.validated(spec);
    Knowledge knowledge = files.knowledge(watchlist.file);
    AtomicReference<@Nullable TrendsAnswers> trends = new AtomicReference<>();
    try (RoleOps ops =
        RoleOps.start(
            "process",
            http,
            List.of(TrendsRoute.serving(ProcessorsTrends.of(trends::get, Clock.systemUTC()))))) {
      ops.requireKafka(kafka.connection());
      try (Admin admin = Admin.create(kafka.connection().config())) {
        TopicInstaller.ensure(admin, Topics.all());
      }
      var settings =
          BellwetherTopology.Settings.builder(knowledge.tagger(), knowledge.watchlist())
              .articlesFromFeedSummaries(articlesFromFeedSummaries)
              .storyWindow(storyWindow.window)
              .meters(ops.meters())
              .build();
      HostInfo server = AdvertisedServer.of(advertisedHost, http.host(), ops.server().port());
      ProcessorsRunner processors =
          new ProcessorsRunner(
              kafka.connection(),
              stateDir,
              settings,
              ProcessorsRunner.Instance.at(server),
              commitInterval);
      trends.set(processors.trends(new HttpTrendsPeers()));
      ops.requireStreamsRunning("processors", processors::state);
      processors.start();
      RoleRunner.runUntilShutdown("processors", processors, ops);
    }
    return 0;
  }
}
