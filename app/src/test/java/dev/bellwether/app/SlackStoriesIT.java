package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertKind;
import dev.bellwether.schemas.json.AlertJsonLines;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import dev.bellwether.slackbot.SlackBot;
import dev.bellwether.slackbot.SlackBotConfig;
import dev.bellwether.slackbot.StandInSlack;
import dev.bellwether.slackbot.web.SlackWebApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The processors' real alerts for the story corpus (core's test data, through {@code bellwether
 * replay}) produced to {@code bellwether.alerts} on a real broker: in the stand-in Slack each story
 * is one channel message in its route's channel, and each of its updates a reply in its thread.
 */
@Timeout(20)
class SlackStoriesIT {
  private static final Path CORPUS =
      Path.of("../core/src/test/resources/dev/bellwether/core/story/stories.jsonl");
  private static final String TOKEN = "xoxb-stories-it";

  @RegisterExtension static final SharedBroker kafka = new SharedBroker(3);
  private static List<Alert> alerts;

  @BeforeAll
  static void startKafkaAndReplayTheCorpus() {
    alerts = replayedAlerts();
  }

  @Test
  void everyStoryIsOneMessageWithItsUpdatesInItsThread() throws Exception {
    Map<String, Alert> byId = alerts.stream().collect(Collectors.toMap(Alert::getId, a -> a));
    long stories = alerts.stream().map(Alert::getStoryId).distinct().count();
    assertThat(stories).isGreaterThan(5);

    try (StandInSlack slack = StandInSlack.start(TOKEN)) {
      produce(alerts);
      SlackBotConfig config =
          SlackBotConfig.fromEnv(
              Map.of(
                  "SLACK_BOT_TOKEN", TOKEN,
                  "BELLWETHER_SLACK_API_URL", slack.apiUrl(),
                  "BELLWETHER_SLACK_CHANNELS", "deals=#ai-deals",
                  "BELLWETHER_SLACK_DEFAULT_CHANNEL", "#ai-news",
                  "BELLWETHER_SLACK_START", "earliest"),
              null);
      Map<String, String> routes = SlackCommand.ruleRoutes(Knowledge.load(null, null).watchlist());
      SlackWebApi.Limits fast =
          new SlackWebApi.Limits(
              Duration.ZERO, 3, Duration.ofMillis(10), Duration.ofMillis(50), 200);
      try (SlackBot bot = SlackBot.start(config, routes, kafka.connection(), fast)) {
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> slack.messages().size() >= alerts.size());
      }

      List<StandInSlack.Posted> messages = slack.messages();
      assertThat(messages).extracting(m -> m.alertId).doesNotHaveDuplicates();
      assertThat(messages).hasSize(alerts.size());
      assertThat(dryRunHeaders())
          .as("the dry run shows every alert of the topic")
          .isEqualTo(alerts.size());
      assertThat(slack.messages()).as("and posts nothing").hasSize(alerts.size());
      Map<String, StandInSlack.Posted> parentOfStory = new HashMap<>();
      for (StandInSlack.Posted m : messages) {
        if (!m.isReply()) {
          assertThat(parentOfStory.put(byId.get(m.alertId).getStoryId(), m)).isNull();
        }
      }
      assertThat(parentOfStory).hasSize((int) stories);
      for (StandInSlack.Posted m : messages) {
        Alert alert = byId.get(m.alertId);
        StandInSlack.Posted parent = parentOfStory.get(alert.getStoryId());
        assertThat(m.isReply()).isEqualTo(alert.getKind() == AlertKind.UPDATE);
        assertThat(m.channel)
            .isEqualTo(parent.channel)
            .isIn(StandInSlack.idOf("#ai-deals"), StandInSlack.idOf("#ai-news"));
        if (m.isReply()) {
          assertThat(m.threadTs).isEqualTo(parent.ts);
        }
      }
    }
  }

  /** {@code bellwether slack --dry-run} over the topic: how many alerts it shows. */
  private static long dryRunHeaders() {
    CliRun.Result result =
        CliRun.run(
            cli ->
                CliRun.<SlackCommand>subcommand(cli, "slack").env =
                    Map.of("BELLWETHER_SLACK_CHANNELS", "deals=#ai-deals"),
            "slack",
            "--dry-run",
            "--bootstrap-servers",
            kafka.bootstrapServers());
    assertThat(result.code()).as(result.err()).isZero();
    return result.out().lines().filter(l -> l.startsWith("# alert ")).count();
  }

  private static List<Alert> replayedAlerts() {
    CliRun.Result result = CliRun.run("replay", "--articles", CORPUS.toString(), "--json");
    assertThat(result.code()).as(result.err()).isZero();
    return result.out().lines().filter(l -> !l.isBlank()).map(AlertJsonLines::parse).toList();
  }

  private static void produce(List<Alert> alerts) throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (Alert alert : alerts) {
        byte[] value = BellwetherSerdes.alert().serializer().serialize(Topics.ALERTS.name(), alert);
        producer
            .send(new ProducerRecord<>(Topics.ALERTS.name(), alert.getStoryId(), value))
            .get(10, TimeUnit.SECONDS);
      }
    }
  }
}
