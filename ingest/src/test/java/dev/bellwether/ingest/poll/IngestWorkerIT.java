package dev.bellwether.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bellwether.ingest.feed.FeedEntry;
import dev.bellwether.ingest.feed.FeedItemMapper;
import dev.bellwether.ingest.feed.FeedParser;
import dev.bellwether.ingest.http.CannedRoutes;
import dev.bellwether.ingest.http.HttpSettings;
import dev.bellwether.ingest.http.PolitenessSettings;
import dev.bellwether.ingest.http.SafeHttpClient;
import dev.bellwether.ingest.metrics.IngestMetrics;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.ingest.source.SourcesFile;
import dev.bellwether.localkafka.KafkaForTests;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.DeadLetter;
import dev.bellwether.schemas.avro.FeedItem;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IngestWorkerIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static KafkaForTests kafka;

  private final MockWebServer server = new MockWebServer();
  private final CannedRoutes routes = CannedRoutes.serve(server);
  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-05T12:00:00Z"));
  private final List<PollResult> polls = new CopyOnWriteArrayList<>();
  private final List<Set<String>> sourceSets = new CopyOnWriteArrayList<>();
  private final List<String> published = new ArrayList<>();
  private final IngestListener listener =
      new IngestListener() {
        @Override
        public void polled(PollResult result) {
          polls.add(result);
        }

        @Override
        public void sourcesChanged(Set<String> sourceIds) {
          sourceSets.add(sourceIds);
        }
      };

  @BeforeAll
  static void startKafka() {
    kafka = KafkaForTests.start(3);
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  @AfterEach
  void retireSourcesAndStopServer() {
    try (Producer<String, byte[]> producer = SourcePublisher.producer(kafka.connection())) {
      published.forEach(id -> SourcePublisher.retire(producer, id));
    }
    server.close();
  }

  @Test
  void publishesItemsOfGoodFeedsDeadLettersBadOnesAndNothingNewOn304() {
    byte[] rss = fixture("rss2.xml");
    byte[] atom = fixture("atom1.xml");
    byte[] malformed = fixture("malformed.xml");
    routes.route("/rss", conditional(rss, "application/rss+xml"));
    routes.route("/atom", conditional(atom, "application/atom+xml"));
    routes.route("/broken", CannedRoutes.ok("text/xml", malformed, Map.of()));
    SourcesFile file = sourcesFile("wire", "makers", "broken");
    Set<String> expectedIds = expectedItemIds(file, Map.of("wire", rss, "makers", atom));

    SourcePublisher.publish(kafka.connection(), file);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (IngestWorker worker = worker(file)) {
      worker.bindTo(meters);
      worker.start();

      List<ConsumerRecord<String, byte[]>> items = new ArrayList<>();
      List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
      try (Consumer<String, byte[]> discovered = reader(Topics.DISCOVERED.name());
          Consumer<String, byte[]> dlq = reader(Topics.DLQ.name())) {
        await("items of both good feeds")
            .atMost(WAIT)
            .until(() -> keys(readMore(discovered, items)).containsAll(expectedIds));
        await("the dead letter of the malformed feed")
            .atMost(WAIT)
            .until(() -> !deadLettersOf("broken", readMore(dlq, letters)).isEmpty());

        assertThat(keys(items)).containsExactlyInAnyOrderElementsOf(expectedIds);
        assertThat(items)
            .extracting(r -> BellwetherSerdes.feedItem().deserialize(r.topic(), r.value()))
            .allSatisfy(item -> assertThat(item.getId()).isNotBlank())
            .extracting(FeedItem::getSourceId)
            .containsOnly("wire", "makers");
        DeadLetter letter = deadLettersOf("broken", letters).get(0);
        assertThat(letter.getStage()).isEqualTo("ingest.feed");
        assertThat(letter.getReason()).startsWith("The document is not well-formed XML");
        assertThat(letter.getUrl()).isEqualTo(routes.url("/broken").toString());
        assertThat(bytes(letter.getOriginal())).isEqualTo(malformed);
        assertThat(letter.getOriginalSize()).isEqualTo(malformed.length);

        await("first polls of the good feeds acknowledged")
            .atMost(WAIT)
            .until(() -> count(PollResult.Fetched.class) >= 2);
        clock.advance(Duration.ofMinutes(1));
        await("second polls answered 304")
            .atMost(WAIT)
            .until(() -> count(PollResult.NotModified.class) >= 2);

        assertThat(routes.requests("/rss")).hasSize(2);
        assertThat(routes.requests("/rss").get(1).getHeaders().get("If-None-Match"))
            .isEqualTo("\"rss-v1\"");
        assertThat(routes.requests("/atom").get(1).getHeaders().get("If-None-Match"))
            .isEqualTo("\"atom-v1\"");
        assertThat(readToEnd(discovered, items)).hasSize(expectedIds.size());
        assertThat(
                meters.find(IngestMetrics.ITEMS_PUBLISHED).counters().stream()
                    .mapToDouble(c -> c.count())
                    .sum())
            .isEqualTo(expectedIds.size());
        assertThat(
                meters.get(IngestMetrics.ITEMS_PUBLISHED).tag("source", "wire").counter().count())
            .isPositive();
        assertThat(meters.get(IngestMetrics.DLQ).tag("stage", "ingest.feed").counter().count())
            .isGreaterThanOrEqualTo(1);
      }
    }
  }

  @Test
  void dropsASourceOnItsTombstone() {
    routes.route("/rss", conditional(fixture("rss2.xml"), "application/rss+xml"));
    SourcesFile file = sourcesFile("retiring");

    SourcePublisher.publish(kafka.connection(), file);
    try (IngestWorker worker = worker(file)) {
      worker.start();
      await().atMost(WAIT).until(() -> latestSources().contains("retiring"));

      try (Producer<String, byte[]> producer = SourcePublisher.producer(kafka.connection())) {
        SourcePublisher.retire(producer, "retiring");
      }

      await().atMost(WAIT).until(() -> !latestSources().contains("retiring"));
    }
  }

  @Test
  void syncRetiresSourcesNoLongerInTheFile() {
    SourcePublisher.publish(kafka.connection(), sourcesFile("wire", "makers"));

    Set<String> retired = SourcePublisher.sync(kafka.connection(), sourcesFile("makers"));

    assertThat(retired).containsExactly("wire");
    assertThat(SourcePublisher.liveSourceIds(kafka.connection()))
        .contains("makers")
        .doesNotContain("wire");
  }

  private IngestWorker worker(SourcesFile file) {
    SafeHttpClient http = new SafeHttpClient(HttpSettings.defaults());
    // Every source here is on 127.0.0.1 and the clock only moves when the test says: no per-host
    // rate limit, or the second source would wait for a second that never comes.
    return new IngestWorker(
        kafka.connection(),
        clock,
        http,
        file.allowPrivate(),
        listener,
        PolitenessSettings.defaults().withoutHostLimits());
  }

  private SourcesFile sourcesFile(String... ids) {
    StringBuilder yaml = new StringBuilder("sources:\n");
    Map<String, String> paths = Map.of("wire", "/rss", "makers", "/atom", "broken", "/broken");
    for (String id : ids) {
      published.add(id);
      yaml.append("  - id: ")
          .append(id)
          .append("\n    url: ")
          .append(routes.url(paths.getOrDefault(id, "/rss")))
          .append("\n    interval: 1m\n");
    }
    yaml.append("network:\n  allow-private: true\n");
    return SourcesFile.parse(yaml.toString(), "it-sources.yaml", Map.of());
  }

  private static Set<String> expectedItemIds(SourcesFile file, Map<String, byte[]> bodies) {
    FeedParser parser = new FeedParser();
    Set<String> ids = new java.util.HashSet<>();
    bodies.forEach(
        (id, body) -> {
          SourceDefinition source = file.find(id).orElseThrow();
          for (FeedEntry entry : parser.parse(body, source.url())) {
            ids.add(FeedItemMapper.itemId(id, entry));
          }
        });
    assertThat(ids).hasSize(4);
    return ids;
  }

  /** Serves {@code body} with an ETag and answers 304 when the client sends it back. */
  private static Function<RecordedRequest, MockResponse> conditional(
      byte[] body, String contentType) {
    String etag = contentType.contains("atom") ? "\"atom-v1\"" : "\"rss-v1\"";
    return CannedRoutes.conditional(etag, CannedRoutes.ok(contentType, body, Map.of()));
  }

  private Set<String> latestSources() {
    return sourceSets.isEmpty() ? Set.of() : sourceSets.get(sourceSets.size() - 1);
  }

  private long count(Class<? extends PollResult> type) {
    return polls.stream().filter(type::isInstance).count();
  }

  private static Consumer<String, byte[]> reader(String topic) {
    Consumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            kafka
                .connection()
                .config(
                    Map.of(
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed")),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  private static List<ConsumerRecord<String, byte[]>> readMore(
      Consumer<String, byte[]> consumer, List<ConsumerRecord<String, byte[]>> into) {
    consumer.poll(Duration.ofMillis(200)).forEach(into::add);
    return into;
  }

  /** Everything up to the current end offsets. */
  private static List<ConsumerRecord<String, byte[]>> readToEnd(
      Consumer<String, byte[]> consumer, List<ConsumerRecord<String, byte[]>> into) {
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
    await()
        .atMost(WAIT)
        .until(
            () -> {
              readMore(consumer, into);
              return end.entrySet().stream()
                  .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
    return into;
  }

  private static Set<String> keys(List<ConsumerRecord<String, byte[]>> records) {
    return records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
  }

  private static List<DeadLetter> deadLettersOf(
      String sourceId, List<ConsumerRecord<String, byte[]>> records) {
    return records.stream()
        .map(r -> BellwetherSerdes.deadLetter().deserialize(r.topic(), r.value()))
        .filter(letter -> sourceId.equals(letter.getSourceId()))
        .toList();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  private static byte[] fixture(String name) {
    try (InputStream in = IngestWorkerIT.class.getResourceAsStream("/fixtures/feeds/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
