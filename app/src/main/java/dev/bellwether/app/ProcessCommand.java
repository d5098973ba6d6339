package dev.bellwether.app;

import dev.bellwether.app.ops.OpsHttpOptions;
import dev.bellwether.app.ops.RoleOps;
import dev.bellwether.processors.BellwetherTopology;
import dev.bellwether.processors.ProcessorsRunner;
import dev.bellwether.schemas.TopicInstaller;
import dev.bellwether.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      defaultValue = "${env:BELLWETHER_BOOTSTRAP_SERVERS:-localhost:9092}",
      description = "Kafka cluster (env BELLWETHER_BOOTSTRAP_SERVERS). Default: ${DEFAULT-VALUE}.")
  String bootstrapServers;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      defaultValue = "${env:BELLWETHER_STATE_DIR:-bellwether-data/streams}",
      description = "Where the state stores live. Default: ${DEFAULT-VALUE}.")
  Path stateDir;

  @Option(names = "--companies", paramLabel = "FILE", description = "Company knowledge base YAML.")
  Path companies;

  @Option(
      names = "--cues",
      paramLabel = "FILE",
      description = "Event cues YAML (trigger words and patterns). Default: the built-in one.")
  @Nullable Path cues;

  @Option(names = "--watchlist", paramLabel = "FILE", description = "Watchlist rules YAML.")
  Path watchlist;

  @Option(
      names = "--articles-from-feed-summaries",
      description =
          "Make articles from the feed summaries here, for running without page fetchers"
              + " (bellwether fetch). Default: off; the fetchers write the articles.")
  boolean articlesFromFeedSummaries;

  @Option(
      names = "--story-window",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "${env:BELLWETHER_STORY_WINDOW:-72h}",
      description =
          "How far apart the first and last article of one story may be (env"
              + " BELLWETHER_STORY_WINDOW). Default: ${DEFAULT-VALUE}.")
  Duration storyWindow;

  @Mixin OpsHttpOptions http = new OpsHttpOptions();

  @Override
  public Integer call() throws Exception {
    Knowledge knowledge = Knowledge.load(companies, cues, watchlist);
    try (RoleOps ops = RoleOps.start("process", http)) {
      ops.requireKafka(bootstrapServers);
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
        TopicInstaller.ensure(admin, Topics.all());
      }
      var settings =
          BellwetherTopology.Settings.standard(knowledge.tagger(), knowledge.watchlist())
              .withArticlesFromFeedSummaries(articlesFromFeedSummaries)
              .withStoryWindow(storyWindow)
              .withMeters(ops.meters());
      ProcessorsRunner processors = new ProcessorsRunner(bootstrapServers, stateDir, settings);
      ops.requireStreamsRunning("processors", processors::state);
      processors.start();
      RoleRunner.runUntilShutdown("processors", processors, ops);
    }
    return 0;
  }
}
