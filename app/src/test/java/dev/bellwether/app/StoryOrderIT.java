package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bellwether.localkafka.KafkaForTests;
import dev.bellwether.processors.ProcessorsRunner;
import dev.bellwether.processors.replay.TopologyReplay;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The story corpus's dev split through the processors on a live broker (exactly-once, articles
 * spread over four partitions, so the story task sees them interleaved), produced in three shuffled
 * orders, each on a fresh broker: the stories are the same in every order, and the same as the test
 * driver's in publication order.
 */
class StoryOrderIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Path CORPUS = Path.of("../data/stories/stories.jsonl");

  @TempDir Path dir;

  @Test
  void groupsTheSameInEveryOrderOnALiveBroker() throws Exception {
    Assumptions.assumeTrue(Files.exists(CORPUS), "data/stories/stories.jsonl is not here");
    List<Article> articles = StoryCorpusReplayTest.articles("dev");
    StoryCorpusReplayTest.Outcome expected =
        StoryCorpusReplayTest.outcome(
            TopologyReplay.alerts(StoryCorpusReplayTest.settings(), articles), articles);

    for (int seed = 1; seed <= 3; seed++) {
      List<Article> shuffled = new ArrayList<>(articles);
      Collections.shuffle(shuffled, new Random(seed));
      List<Alert> alerts = liveRun(shuffled, dir.resolve("run-" + seed));
      StoryCorpusReplayTest.Outcome live = StoryCorpusReplayTest.outcome(alerts, articles);
      assertThat(live.stories())
          .as("order %d on a live broker", seed)
          .isEqualTo(expected.stories());
    }
  }

  private static List<Alert> liveRun(List<Article> order, Path state) throws Exception {
    try (KafkaForTests kafka = KafkaForTests.start(4)) {
      TopicContents topics = new TopicContents(kafka.bootstrapServers());
      try (ProcessorsRunner processors =
          new ProcessorsRunner(
              kafka.connection(),
              state,
              StoryCorpusReplayTest.settings()
                  .newBuilder()
                  .articlesFromFeedSummaries(false)
                  .build(),
              new ProcessorsRunner.Instance(ProcessorsRunner.APPLICATION_ID, null))) {
        processors.start();
        try (var producer =
            new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
          for (Article a : order) {
            producer.send(
                new ProducerRecord<>(
                    Topics.ARTICLES.name(),
                    a.getId(),
                    BellwetherSerdes.article().serialize(Topics.ARTICLES.name(), a)));
          }
        }
        await("every article tagged")
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(500))
            .until(() -> topics.records(Topics.TAGGED.name()).size() >= order.size());
        List<Alert> alerts = new ArrayList<>();
        int[] last = {-1};
        await("the alerts settle")
            .atMost(WAIT)
            .pollInterval(Duration.ofSeconds(3))
            .until(
                () -> {
                  alerts.clear();
                  topics.records(Topics.ALERTS.name()).stream()
                      .map(
                          r ->
                              BellwetherSerdes.alert().deserialize(Topics.ALERTS.name(), r.value()))
                      .forEach(alerts::add);
                  boolean settled = alerts.size() == last[0] && !alerts.isEmpty();
                  last[0] = alerts.size();
                  return settled;
                });
        return alertsInWrittenOrder(topics);
      }
    }
  }

  /**
   * The alerts, each story's in the order the story task wrote them: a story's alerts share its
   * key, so one partition holds them in offset order.
   */
  private static List<Alert> alertsInWrittenOrder(TopicContents topics) {
    List<Alert> out = new ArrayList<>();
    topics.records(Topics.ALERTS.name()).stream()
        .sorted(
            java.util.Comparator.comparingInt(
                    (org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> r) ->
                        r.partition())
                .thenComparingLong(r -> r.offset()))
        .forEach(
            r -> out.add(BellwetherSerdes.alert().deserialize(Topics.ALERTS.name(), r.value())));
    return out;
  }
}
