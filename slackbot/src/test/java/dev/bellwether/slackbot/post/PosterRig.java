package dev.bellwether.slackbot.post;

import dev.bellwether.localkafka.KafkaForTests;
import dev.bellwether.schemas.TopicSpec;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import dev.bellwether.slackbot.ManualTime;
import dev.bellwether.slackbot.StandInSlack;
import dev.bellwether.slackbot.web.SlackToken;
import dev.bellwether.slackbot.web.SlackWebApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One poster set-up on a real broker with its own alerts and threads topics, so tests sharing a
 * broker do not see each other's alerts, and a loopback stand-in Slack.
 */
final class PosterRig implements AutoCloseable {
  static final String TOKEN = "xoxb-4242-secret-token-for-tests";
  private static final AtomicInteger RIGS = new AtomicInteger();

  final KafkaForTests kafka;
  final StandInSlack slack = StandInSlack.start(TOKEN);
  final ManualTime time = new ManualTime();
  final String alertsTopic;
  final String threadsTopic;
  final String group;
  final ParkedAlerts parked;
  Routes routes =
      new Routes(
          Map.of("deals-rule", "deals", "policy-rule", "policy", "gone-rule", "gone"),
          Map.of("deals", "C0DEALS", "policy", "C0POLICY", "gone", "#archived"),
          null);
  SlackWebApi.Limits limits =
      new SlackWebApi.Limits(
          Duration.ofSeconds(1), 3, Duration.ofMillis(500), Duration.ofSeconds(4), 100);

  PosterRig(KafkaForTests kafka) {
    this.kafka = kafka;
    int n = RIGS.incrementAndGet();
    alertsTopic = "bellwether.alerts-" + n;
    threadsTopic = "bellwether.slack-threads-" + n;
    group = "bellwether-slack-" + n;
    kafka.createTopics(
        List.of(
            new TopicSpec(alertsTopic, 1, (short) -1, Map.of()),
            new TopicSpec(threadsTopic, 1, (short) -1, StoryThreads.TOPIC.configs())));
    parked = new ParkedAlerts(kafka.connection(), time);
  }

  /** A new poster instance over the same group and topics, as after a restart. */
  Running poster(Checkpoint.Listener checkpoints) {
    StoryThreads threads =
        StoryThreads.load(kafka.connection(), threadsTopic, Duration.ofSeconds(15));
    SlackWebApi api = SlackWebApi.create(SlackToken.of(TOKEN), slack.apiUrl(), limits, time, time);
    AlertPoster poster =
        new AlertPoster(
            AlertPoster.consumer(kafka.connection(), group, "earliest"),
            alertsTopic,
            new ThreadedSlackSink(api, routes, threads, checkpoints),
            parked,
            checkpoints);
    poster.subscribe();
    return new Running(poster, threads);
  }

  void produce(Alert... alerts) throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (Alert alert : alerts) {
        byte[] value = BellwetherSerdes.alert().serializer().serialize(alertsTopic, alert);
        producer
            .send(new ProducerRecord<>(alertsTopic, alert.getStoryId(), value))
            .get(10, TimeUnit.SECONDS);
      }
    }
  }

  @Override
  public void close() {
    parked.close();
    slack.close();
  }

  /** A poster and its thread store; closing it is a stop without commit of anything in flight. */
  record Running(AlertPoster poster, StoryThreads threads) implements AutoCloseable {
    /** Polls until {@code count} records are settled, for at most 15 s. */
    int settle(int count) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      int settled = 0;
      while (settled < count && System.nanoTime() < deadline) {
        settled += poster.pollOnce(Duration.ofMillis(200));
      }
      return settled;
    }

    @Override
    public void close() {
      poster.close();
      threads.close();
    }
  }
}
