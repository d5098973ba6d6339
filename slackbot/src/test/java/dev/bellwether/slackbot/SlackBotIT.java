package dev.bellwether.slackbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.bellwether.localkafka.KafkaForTests;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The bot as {@code bellwether slack} starts it: configured from the environment, alerts produced
 * to {@code bellwether.alerts} on a real broker end up in the stand-in Slack as the expected
 * messages and threads, and the token never shows in the log.
 */
@Timeout(20)
class SlackBotIT {
  private static final String TOKEN = "xoxb-777-bellwether-it-secret";

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger slackSdk = (Logger) LoggerFactory.getLogger("com.slack");
  private final Logger bot = (Logger) LoggerFactory.getLogger("dev.bellwether.slackbot");
  private KafkaForTests kafka;
  private StandInSlack slack;

  @BeforeEach
  void start() {
    log.start();
    root.addAppender(log);
    slackSdk.setLevel(Level.DEBUG);
    bot.setLevel(Level.DEBUG);
    kafka = KafkaForTests.start(1);
    slack = StandInSlack.start(TOKEN);
  }

  @AfterEach
  void stop() throws Exception {
    root.detachAppender(log);
    slackSdk.setLevel(null);
    bot.setLevel(null);
    slack.close();
    kafka.close();
  }

  @Test
  void postsAlertsFromTheTopicAsThreadsAndNeverLogsTheToken() throws Exception {
    slack.missingChannel("#archived");
    Alert first = SampleAlerts.funding("s1", "frontier-labs-all");
    produce(
        first,
        SampleAlerts.withAmount(SampleAlerts.update("s1", "frontier-labs-all", 2), "31000000000"),
        SampleAlerts.funding("s2", "old-rule"),
        SampleAlerts.funding("s3", "unrouted"));
    SlackBotConfig config =
        SlackBotConfig.fromEnv(
            Map.of(
                "SLACK_BOT_TOKEN",
                TOKEN,
                "BELLWETHER_SLACK_API_URL",
                slack.apiUrl(),
                "BELLWETHER_SLACK_CHANNELS",
                "deals=#ai-deals,archive=#archived",
                "BELLWETHER_SLACK_START",
                "earliest"),
            null);

    try (SlackBot running =
        SlackBot.start(
            config,
            Map.of("frontier-labs-all", "deals", "old-rule", "archive"),
            kafka.connection())) {
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> running.stats().parked() + running.stats().dropped().size() == 2);
      await().atMost(Duration.ofSeconds(15)).until(() -> slack.messages().size() == 2);
    }

    List<StandInSlack.Posted> deals = slack.messagesIn("#ai-deals");
    assertThat(deals).extracting(m -> m.alertId).containsExactly("s1-1", "s1-2");
    assertThat(deals.get(1).threadTs).isEqualTo(deals.get(0).ts);
    assertThat(deals.get(0).edits).isEqualTo(1);
    assertThat(errors())
        .singleElement()
        .asString()
        .contains("#archived")
        .contains("channel_not_found");
    assertThat(log.list).isNotEmpty();
    assertThat(log.list).allSatisfy(e -> assertThat(everything(e)).doesNotContain(TOKEN));
  }

  private List<String> errors() {
    return log.list.stream()
        .filter(e -> e.getLevel() == Level.ERROR)
        .filter(e -> e.getLoggerName().startsWith("dev.bellwether.slackbot"))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private static String everything(ILoggingEvent event) {
    StringBuilder text = new StringBuilder(event.getFormattedMessage());
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      text.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
    }
    return text.toString();
  }

  private void produce(Alert... alerts) throws Exception {
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
