package dev.bellwether.slackbot.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bellwether.localkafka.KafkaForTests;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.DeadLetter;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import dev.bellwether.slackbot.SampleAlerts;
import dev.bellwether.slackbot.StandInSlack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The poster on a real broker against the loopback stand-in Slack. */
@Timeout(20)
class AlertPosterIT {
  private static KafkaForTests kafka;
  private PosterRig rig;

  private final Alert first = SampleAlerts.funding("s1", "deals-rule");
  private final Alert sameFacts = SampleAlerts.update("s1", "deals-rule", 2);
  private final Alert newAmount =
      SampleAlerts.withAmount(SampleAlerts.update("s1", "deals-rule", 3), "31000000000");

  @BeforeAll
  static void startKafka() {
    kafka = KafkaForTests.start(1);
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  @BeforeEach
  void rig() {
    rig = new PosterRig(kafka);
  }

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  void threadsUpdatesUnderTheStoryMessageAndEditsTheParentWhenFactsChange() throws Exception {
    rig.produce(first, sameFacts, newAmount, SampleAlerts.funding("s2", "policy-rule"));

    try (PosterRig.Running bot = rig.poster(Checkpoint.Listener.NONE)) {
      assertThat(bot.settle(4)).isEqualTo(4);
    }

    List<StandInSlack.Posted> deals = rig.slack.messagesIn("C0DEALS");
    assertThat(deals).extracting(m -> m.alertId).containsExactly("s1-1", "s1-2", "s1-3");
    StandInSlack.Posted parent = deals.get(0);
    assertThat(parent.isReply()).isFalse();
    assertThat(deals.subList(1, 3)).allMatch(m -> parent.ts.equals(m.threadTs));
    assertThat(parent.edits).as("edited once: only s1-3 changes a fact").isEqualTo(1);
    assertThat(parent.blocks).contains("$31B");
    assertThat(rig.slack.messagesIn("C0POLICY")).extracting(m -> m.alertId).containsExactly("s2-1");
  }

  @Test
  void threadsSurviveARestart() throws Exception {
    rig.produce(first);
    try (PosterRig.Running bot = rig.poster(Checkpoint.Listener.NONE)) {
      bot.settle(1);
    }
    rig.produce(sameFacts);
    try (PosterRig.Running bot = rig.poster(Checkpoint.Listener.NONE)) {
      assertThat(bot.settle(1)).isEqualTo(1);
    }

    List<StandInSlack.Posted> deals = rig.slack.messagesIn("C0DEALS");
    assertThat(deals).hasSize(2);
    assertThat(deals.get(1).threadTs).isEqualTo(deals.get(0).ts);
  }

  @Test
  void unroutedAlertsGoToTheDefaultChannelOrAreDroppedWithACountedReason() throws Exception {
    rig.produce(SampleAlerts.funding("s3", "no-such-rule"));
    try (PosterRig.Running bot = rig.poster(Checkpoint.Listener.NONE)) {
      assertThat(bot.settle(1)).isEqualTo(1);
      assertThat(bot.poster().stats().dropped())
          .containsExactly(
              Map.entry(
                  "rule 'no-such-rule' is not in the watchlist and no default channel is set", 1L));
    }
    assertThat(rig.slack.messages()).isEmpty();

    rig.routes = new Routes(rig.routes.ruleRoutes(), rig.routes.channels(), "#ai-news");
    rig.produce(SampleAlerts.funding("s4", "no-such-rule"));
    try (PosterRig.Running bot = rig.poster(Checkpoint.Listener.NONE)) {
      assertThat(bot.settle(1)).isEqualTo(1);
    }
    assertThat(rig.slack.messagesIn("#ai-news")).extracting(m -> m.alertId).containsExactly("s4-1");
  }

  @Test
  void permanentErrorParksTheAlertAndOtherChannelsGoOn() throws Exception {
    rig.slack.missingChannel("#archived");
    rig.produce(SampleAlerts.funding("s5", "gone-rule"), SampleAlerts.funding("s6", "deals-rule"));

    try (PosterRig.Running bot = rig.poster(Checkpoint.Listener.NONE)) {
      assertThat(bot.settle(2)).isEqualTo(2);
      assertThat(bot.poster().stats().parked()).isEqualTo(1);
    }

    assertThat(rig.slack.messagesIn("C0DEALS")).extracting(m -> m.alertId).containsExactly("s6-1");
    DeadLetter letter = deadLetterFor(rig.alertsTopic);
    assertThat(letter.getStage()).isEqualTo("slackbot.post");
    assertThat(letter.getReason()).contains("channel_not_found").contains("#archived");
  }

  @Test
  void serverErrorsBeyondTheRetriesAreTriedAgainWithoutADuplicate() throws Exception {
    for (int i = 0; i < 3; i++) {
      rig.slack.failNext("chat.postMessage", 500, null);
    }
    rig.produce(first);

    try (PosterRig.Running bot = rig.poster(Checkpoint.Listener.NONE)) {
      assertThat(bot.settle(1)).isEqualTo(1);
    }

    assertThat(rig.slack.messages()).extracting(m -> m.alertId).containsExactly("s1-1");
    assertThat(rig.slack.calls()).contains("conversations.history C0DEALS");
  }

  @Test
  void aChannelNamedNotByIdSkipsTheOnceOnlyCheckButStillPosts() throws Exception {
    rig.routes = new Routes(rig.routes.ruleRoutes(), Map.of("deals", "#ai-deals"), null);
    rig.produce(first);

    try (PosterRig.Running bot = rig.poster(Checkpoint.Listener.NONE)) {
      assertThat(bot.settle(1)).isEqualTo(1);
      assertThat(bot.poster().stats().parked()).isZero();
    }

    assertThat(rig.slack.calls())
        .containsExactly("conversations.history #ai-deals", "chat.postMessage #ai-deals");
    assertThat(rig.slack.messagesIn("#ai-deals"))
        .extracting(m -> m.alertId)
        .containsExactly("s1-1");
  }

  static Stream<Arguments> crashes() {
    return Stream.of(
        Arguments.of("s1-1", Checkpoint.POSTED),
        Arguments.of("s1-1", Checkpoint.THREAD_SAVED),
        Arguments.of("s1-1", Checkpoint.BEFORE_COMMIT),
        Arguments.of("s1-3", Checkpoint.POSTED),
        Arguments.of("s1-3", Checkpoint.PARENT_UPDATED),
        Arguments.of("s1-3", Checkpoint.THREAD_SAVED),
        Arguments.of("s1-3", Checkpoint.BEFORE_COMMIT));
  }

  @ParameterizedTest(name = "crash at {1} of {0}")
  @MethodSource("crashes")
  void aCrashBetweenPostingAndCommittingPostsNothingTwice(String alertId, Checkpoint step)
      throws Exception {
    rig.produce(first, newAmount);
    Checkpoint.Listener crash =
        (reached, id) -> {
          if (reached == step && id.equals(alertId)) {
            throw new SimulatedCrash();
          }
        };

    try (PosterRig.Running bot = rig.poster(crash)) {
      assertThatThrownBy(() -> bot.settle(2)).isInstanceOf(SimulatedCrash.class);
    }
    try (PosterRig.Running restarted = rig.poster(Checkpoint.Listener.NONE)) {
      restarted.settle(alertId.equals("s1-1") ? 2 : 1);
    }

    List<StandInSlack.Posted> deals = rig.slack.messagesIn("C0DEALS");
    assertThat(deals).extracting(m -> m.alertId).containsExactly("s1-1", "s1-3");
    assertThat(deals.get(1).threadTs).isEqualTo(deals.get(0).ts);
    assertThat(deals.get(0).blocks).contains("$31B");
  }

  private static DeadLetter deadLetterFor(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of("bootstrap.servers", kafka.bootstrapServers()),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.DLQ.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      List<DeadLetter> letters = new ArrayList<>();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          DeadLetter letter =
              BellwetherSerdes.deadLetter().deserializer().deserialize(r.topic(), r.value());
          if (topic.equals(letter.getTopic())) {
            return letter;
          }
          letters.add(letter);
        }
      }
      throw new AssertionError("no dead letter for " + topic + " among " + letters);
    }
  }

  private static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash() {
      super("simulated crash");
    }
  }
}
