package dev.bellwether.app;

import dev.bellwether.app.ops.OpsHttpOptions;
import dev.bellwether.app.ops.RoleOps;
import dev.bellwether.core.watchlist.WatchRule;
import dev.bellwether.core.watchlist.Watchlist;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.json.AlertJsonLines;
import dev.bellwether.schemas.serde.AvroSerde;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import dev.bellwether.slackbot.SlackBot;
import dev.bellwether.slackbot.SlackBotConfig;
import dev.bellwether.slackbot.post.Routes;
import dev.bellwether.slackbot.render.AlertRenderer;
import dev.bellwether.slackbot.render.RenderedAlert;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bellwether slack}: the Slack bot, or with --dry-run the Block Kit it would send. */
@Command(
    name = "slack",
    mixinStandardHelpOptions = true,
    description = {
      "Post alerts to Slack: each story's first alert is a channel message, its updates reply in"
          + " its thread. Consumer group bellwether-slack; a restart never posts an alert twice.",
      "",
      "Needs SLACK_BOT_TOKEN (or SLACK_WEBHOOK_URL for a webhook without threads). Channels per"
          + " watchlist route: BELLWETHER_SLACK_CHANNELS=deals=#ai-deals,policy=#ai-policy or"
          + " --channels FILE; others go to BELLWETHER_SLACK_DEFAULT_CHANNEL or are dropped."
          + " See docs/slack.md."
    },
    footer = {
      "",
      "Examples:",
      "  SLACK_BOT_TOKEN=xoxb-... bellwether slack --bootstrap-servers kafka:9092",
      "  bellwether slack --dry-run --alerts alerts.jsonl     # Block Kit JSON, nothing posted",
      "  bellwether tail --from-beginning --json --idle-timeout 5s > alerts.jsonl"
    })
final class SlackCommand implements Callable<Integer> {
  @Mixin KafkaOptions kafka = new KafkaOptions();

  @Option(
      names = "--watchlist",
      paramLabel = "FILE",
      description = "Watchlist rules YAML: each rule's route picks the channel. Default: built-in.")
  @Nullable Path watchlist;

  @Option(names = "--companies", paramLabel = "FILE", description = "Company knowledge base YAML.")
  @Nullable Path companies;

  @Option(
      names = "--channels",
      paramLabel = "FILE",
      description =
          "Channels YAML (channels: {route: channel}, default: channel); env"
              + " BELLWETHER_SLACK_CHANNELS_FILE. BELLWETHER_SLACK_CHANNELS wins per route.")
  @Nullable Path channels;

  @Option(
      names = "--dry-run",
      description = "Print the Block Kit JSON of each alert and where it would go; post nothing.")
  boolean dryRun;

  @Option(
      names = "--alerts",
      paramLabel = "FILE.jsonl",
      description =
          "With --dry-run: alerts as JSON lines (bellwether tail --json) instead of the topic.")
  @Nullable Path alertsFile;

  @Mixin OpsHttpOptions http = new OpsHttpOptions();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** The environment the settings come from; tests put their own. */
  Map<String, String> env = System.getenv();

  @Override
  public Integer call() throws Exception {
    if (alertsFile != null && !dryRun) {
      throw new UserError("--alerts reads alerts for --dry-run only");
    }
    SlackBotConfig config = SlackBotConfig.fromEnv(env, channels);
    Map<String, String> ruleRoutes = ruleRoutes();
    if (dryRun) {
      return dryRun(new Routes(ruleRoutes, config.channels(), config.defaultChannel()));
    }
    if (!config.enabled()) {
      throw new UserError(
          "set SLACK_BOT_TOKEN (or SLACK_WEBHOOK_URL) to post to Slack; --dry-run shows what"
              + " would be posted");
    }
    try (RoleOps ops = RoleOps.start("slack", http)) {
      ops.requireKafka(kafka.connection());
      SlackBot bot = SlackBot.start(config, ruleRoutes, kafka.connection());
      SlackMeters.bind(ops.meters(), bot.stats());
      ops.requireRunning("slack bot", bot::isRunning);
      RoleRunner.runUntilShutdown("slack", bot, ops);
    }
    return 0;
  }

  private Map<String, String> ruleRoutes() {
    return ruleRoutes(Knowledge.load(companies, watchlist).watchlist());
  }

  /** Watchlist rule id → route: the Alert record names its rule, not its route. */
  static Map<String, String> ruleRoutes(Watchlist watchlist) {
    return watchlist.rules().stream()
        .collect(Collectors.toMap(WatchRule::id, WatchRule::route, (a, b) -> a));
  }

  private int dryRun(Routes routes) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<Alert> alerts = alertsFile != null ? readFile(alertsFile) : readTopic();
    for (Alert alert : alerts) {
      Routes.Route route = routes.forRule(alert.getRuleId());
      RenderedAlert rendered = AlertRenderer.render(alert);
      out.println(
          "# alert "
              + alert.getId()
              + " ("
              + alert.getKind()
              + ", story "
              + alert.getStoryId()
              + ") → "
              + (route.dropped() ? "dropped" : route.channel())
              + ": "
              + route.reason());
      out.println(
          "{\"text\":"
              + quote(rendered.text())
              + ",\"blocks\":"
              + AlertRenderer.blocksJson(rendered)
              + "}");
    }
    out.flush();
    return 0;
  }

  private static String quote(String text) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
  }

  private static List<Alert> readFile(Path file) throws IOException {
    if (!Files.isReadable(file)) {
      throw new UserError("cannot read " + file);
    }
    List<Alert> alerts = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        alerts.add(AlertJsonLines.parse(lines.get(i)));
      } catch (IllegalArgumentException e) {
        throw new UserError(file + " line " + (i + 1) + ": " + e.getMessage());
      }
    }
    return alerts;
  }

  /** The alerts topic from its beginning to its current end. */
  private List<Alert> readTopic() {
    AvroSerde<Alert> serde = BellwetherSerdes.alert();
    List<Alert> alerts = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            kafka
                .connection()
                .config(
                    Map.of(
                        "isolation.level",
                        "read_committed",
                        "client.id",
                        "bellwether-slack-dry-run")),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      var infos = consumer.partitionsFor(Topics.ALERTS.name(), Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        throw new UserError("topic " + Topics.ALERTS.name() + " does not exist on this cluster");
      }
      List<TopicPartition> partitions =
          infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (!partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          alerts.add(serde.deserialize(record.topic(), record.value()));
        }
      }
    }
    return alerts;
  }
}
