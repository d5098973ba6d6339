package dev.bellwether.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bellwether.ingest.feed.FeedEntry;
import dev.bellwether.ingest.feed.FeedItemMapper;
import dev.bellwether.ingest.http.CannedRoutes;
import dev.bellwether.ingest.http.HttpSettings;
import dev.bellwether.ingest.http.PolitenessSettings;
import dev.bellwether.ingest.http.SafeHttpClient;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.ingest.source.SourceMapper;
import dev.bellwether.localkafka.KafkaForTests;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two ingest instances share twelve sources through the consumer group: each source is polled by
 * one instance at a time, all move to the survivor when one closes, and every item reaches {@code
 * bellwether.discovered} exactly once across the move.
 */
class IngestWorkerScaleOutIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int SOURCES = 12;
  private static final Duration SLOW_ANSWER = Duration.ofMillis(300);
  private static KafkaForTests kafka;

  private final MockWebServer server = new MockWebServer();
  private final CannedRoutes routes = CannedRoutes.serve(server);
  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-05T12:00:00Z"));
  private final Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> mostAtOnce = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
  private final List<SourceDefinition> sources = new ArrayList<>();

  /** What one instance did. */
  private static final class Observed implements IngestListener {
    final Set<String> polled = ConcurrentHashMap.newKeySet();
    final List<Set<String>> sourceSets = new CopyOnWriteArrayList<>();

    @Override
    public void polled(PollResult result) {
      polled.add(result.source().id());
    }

    @Override
    public void sourcesChanged(Set<String> ids) {
      sourceSets.add(ids);
    }

    Set<String> sources() {
      return sourceSets.isEmpty() ? Set.of() : sourceSets.get(sourceSets.size() - 1);
    }
  }

  @BeforeAll
  static void startKafka() {
    kafka = KafkaForTests.start(6);
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  @AfterEach
  void retireSourcesAndStopServer() {
    try (Producer<String, byte[]> producer = SourcePublisher.producer(kafka.connection())) {
      sources.forEach(s -> SourcePublisher.retire(producer, s.id()));
    }
    server.close();
  }

  @Test
  void sharesSourcesMovesThemToTheSurvivorAndLosesOrRepeatsNoItem() {
    Set<String> expectedItems = serveTwelveFeeds();
    publishSources();
    Observed first = new Observed();
    Observed second = new Observed();

    try (IngestWorker one = worker(first);
        IngestWorker two = worker(second);
        Consumer<String, byte[]> discovered = reader()) {
      one.start();
      two.start();
      await("the sources split between the instances")
          .atMost(WAIT)
          .until(() -> splitsAllSources(first.sources(), second.sources()));
      await("every feed served once").atMost(WAIT).until(() -> served.size() == SOURCES);

      first.polled.clear();
      second.polled.clear();
      clock.advance(Duration.ofSeconds(31));
      await("a round of polls by both")
          .atMost(WAIT)
          .until(() -> first.polled.size() + second.polled.size() == SOURCES);
      assertThat(first.polled).isNotEmpty().doesNotContainAnyElementsOf(second.polled);
      assertThat(second.polled).isNotEmpty();
      assertThat(first.polled).isEqualTo(first.sources());

      clock.advance(Duration.ofSeconds(31)); // polls in flight while the second instance leaves
      await().atMost(WAIT).until(() -> totalActive() > 0);
      two.close();
      await("all sources with the survivor")
          .atMost(WAIT)
          .until(() -> first.sources().size() == SOURCES);
      first.polled.clear();
      clock.advance(Duration.ofSeconds(31));
      await("the survivor polls them all").atMost(WAIT).until(() -> first.polled.size() == SOURCES);

      assertThat(mostAtOnce)
          .hasSize(SOURCES)
          .allSatisfy((path, most) -> assertThat(most).hasValue(1));
      List<String> keys = readToEnd(discovered);
      assertThat(keys).hasSize(expectedItems.size());
      assertThat(new HashSet<>(keys)).isEqualTo(expectedItems);
      assertThat(one.stats().sources()).hasSize(SOURCES);
      assertThat(one.stats().sources().values())
          .allSatisfy(stats -> assertThat(stats.polls()).isPositive());
    }
  }

  private static boolean splitsAllSources(Set<String> one, Set<String> two) {
    Set<String> all = new HashSet<>(one);
    all.addAll(two);
    return !one.isEmpty()
        && !two.isEmpty()
        && all.size() == SOURCES
        && one.size() + two.size() == SOURCES;
  }

  /** Twelve feeds of two items each: 200 the first time, 304 ever after; answers are slow. */
  private Set<String> serveTwelveFeeds() {
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < SOURCES; i++) {
      String id = String.format("feed-%02d", i);
      String path = "/feeds/" + id;
      URI url = routes.url(path);
      sources.add(
          new SourceDefinition(
              id,
              "rss",
              "Outlet " + id,
              url,
              Duration.ofSeconds(30),
              true,
              Duration.ofSeconds(30),
              Duration.ofSeconds(30),
              Map.of()));
      for (int n = 1; n <= 2; n++) {
        URI link = URI.create("https://news.test/" + id + "/story-" + n);
        expected.add(FeedItemMapper.itemId(id, new FeedEntry(null, link, "Story", null, null)));
      }
      routes.route(path, feed(path, rss(id)));
    }
    return expected;
  }

  private Function<RecordedRequest, MockResponse> feed(String path, byte[] body) {
    MockResponse fresh = CannedRoutes.ok("application/rss+xml", body, Map.of("ETag", "\"v1\""));
    return request -> {
      int now = active.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      mostAtOnce.computeIfAbsent(path, p -> new AtomicInteger()).accumulateAndGet(now, Math::max);
      try {
        TimeUnit.MILLISECONDS.sleep(SLOW_ANSWER.toMillis());
        return served.putIfAbsent(path, new AtomicInteger(1)) == null
            ? fresh
            : CannedRoutes.status(304, Map.of());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return CannedRoutes.status(503, Map.of());
      } finally {
        active.get(path).decrementAndGet();
      }
    };
  }

  private int totalActive() {
    return active.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private static byte[] rss(String id) {
    StringBuilder xml =
        new StringBuilder("<rss version=\"2.0\"><channel><title>" + id + "</title>");
    for (int n = 1; n <= 2; n++) {
      xml.append("<item><title>Story ")
          .append(n)
          .append("</title><link>https://news.test/")
          .append(id)
          .append("/story-")
          .append(n)
          .append("?utm_source=rss</link></item>");
    }
    return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private void publishSources() {
    try (Producer<String, byte[]> producer = SourcePublisher.producer(kafka.connection())) {
      String topic = Topics.SOURCES.name();
      for (SourceDefinition source : sources) {
        byte[] value = BellwetherSerdes.source().serialize(topic, SourceMapper.toAvro(source));
        producer.send(new ProducerRecord<>(topic, source.id(), value));
      }
      producer.flush();
    }
  }

  private IngestWorker worker(IngestListener listener) {
    return new IngestWorker(
        kafka.connection(),
        clock,
        new SafeHttpClient(HttpSettings.defaults()),
        true,
        listener,
        PolitenessSettings.defaults().withoutHostLimits());
  }

  private static Consumer<String, byte[]> reader() {
    Consumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            kafka.connection().config(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    String topic = Topics.DISCOVERED.name();
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  private static List<String> readToEnd(Consumer<String, byte[]> consumer) {
    List<String> keys = new ArrayList<>();
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
    await()
        .atMost(WAIT)
        .until(
            () -> {
              for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                keys.add(record.key());
              }
              return end.entrySet().stream()
                  .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
    return keys;
  }
}
