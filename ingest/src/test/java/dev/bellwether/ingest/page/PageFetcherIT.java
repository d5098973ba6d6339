package dev.bellwether.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bellwether.ingest.http.CannedRoutes;
import dev.bellwether.ingest.http.HttpSettings;
import dev.bellwether.ingest.http.PolitenessSettings;
import dev.bellwether.ingest.metrics.IngestMetrics;
import dev.bellwether.localkafka.KafkaForTests;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.DeadLetter;
import dev.bellwether.schemas.avro.FeedItem;
import dev.bellwether.schemas.avro.TextOrigin;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fetch role on a real broker: new items in, exactly one article per item out. */
class PageFetcherIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int MAX_BODY = 64 * 1024;
  private static KafkaForTests kafka;

  private final MockWebServer server = new MockWebServer();
  private final CannedRoutes routes = CannedRoutes.serve(server);
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void startKafka() {
    kafka = KafkaForTests.start(3);
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void turnsEachItemIntoOneArticleFromItsPageOrItsFeedSummaryWithTheReason() {
    byte[] article = PageFixtures.fixture("article-utf8.html");
    routes.route("/news/", CannedRoutes.ok("text/html; charset=utf-8", article, Map.of()));
    routes.route("/missing", CannedRoutes.status(404, Map.of()));
    routes.route("/slow", slowly(article));
    routes.route("/huge", CannedRoutes.ok("text/html", hugePage(), Map.of()));
    List<FeedItem> pages = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      pages.add(item("page-" + i, "/news/" + i));
    }
    List<FeedItem> fallbacks =
        List.of(item("missing", "/missing"), item("slow", "/slow"), item("huge", "/huge"));

    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (PageFetcher fetcher = fetcher("a")) {
      fetcher.bindTo(meters);
      fetcher.start();
      publish(pages);
      publish(fallbacks);
      sendPoison();

      Map<String, Article> articles = awaitArticles(11);

      assertThat(articles.values())
          .filteredOn(a -> a.getId().startsWith(run + "-page-"))
          .hasSize(8)
          .allSatisfy(
              a -> {
                assertThat(a.getTextOrigin()).isEqualTo(TextOrigin.PAGE);
                assertThat(a.getFallbackReason()).isNull();
                assertThat(a.getText()).contains("Series F round led by Iconiq Capital");
                assertThat(a.getText()).isNotEqualTo(summaryOf(a.getId()));
              });
      assertThat(reasons(articles))
          .containsEntry(run + "-missing", "HTTP 404")
          .containsEntry(run + "-slow", "timed out after 1 s")
          .containsEntry(run + "-huge", "page larger than 64 KiB");
      assertThat(articles.get(run + "-missing").getText()).isEqualTo(summaryOf(run + "-missing"));
      assertThat(articles.get(run + "-missing").getTitle())
          .isEqualTo("Headline " + run + "-missing");

      PageFetcherStats stats = fetcher.stats();
      assertThat(stats.fetched()).isEqualTo(8);
      assertThat(stats.fallbacks())
          .containsEntry(FallbackReason.Cause.HTTP_STATUS, 1L)
          .containsEntry(FallbackReason.Cause.TIMEOUT, 1L)
          .containsEntry(FallbackReason.Cause.TOO_LARGE, 1L);
      assertThat(stats.bytes()).isEqualTo(8L * article.length);

      await("the poison record's dead letter")
          .atMost(WAIT)
          .until(
              () -> deadLetters().stream().anyMatch(l -> l.getStage().equals(PageFetcher.STAGE)));
      assertThat(fetchErrors(meters, "http_status")).isEqualTo(1);
      assertThat(fetchErrors(meters, "timeout")).isEqualTo(1);
      assertThat(fetchErrors(meters, "bad_link")).isZero();
      assertThat(meters.get(IngestMetrics.DLQ).tag("stage", PageFetcher.STAGE).counter().count())
          .isEqualTo(1);
      assertThat(meters.find("kafka.consumer.fetch.manager.records.consumed.total").meters())
          .as("the consumer's Kafka client metrics are bound")
          .isNotEmpty();
    }
  }

  private static double fetchErrors(SimpleMeterRegistry meters, String kind) {
    return meters.get(IngestMetrics.FETCH_ERRORS).tag("kind", kind).functionCounter().count();
  }

  @Test
  void writesEveryArticleOnceAcrossARestartOfTheSameInstance() {
    byte[] article = PageFixtures.fixture("article-utf8.html");
    routes.route("/news/", CannedRoutes.ok("text/html; charset=utf-8", article, Map.of()));
    List<FeedItem> before = new ArrayList<>();
    List<FeedItem> after = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      before.add(item("before-" + i, "/news/b" + i));
      after.add(item("after-" + i, "/news/a" + i));
    }

    try (PageFetcher fetcher = fetcher("b")) {
      fetcher.start();
      publish(before);
      awaitArticles(25);
    }
    publish(after);
    try (PageFetcher again = fetcher("b")) {
      again.start();
      awaitArticles(50);
    }

    List<Article> all = readArticles();
    assertThat(all).extracting(Article::getId).doesNotHaveDuplicates().hasSize(50);
    assertThat(all).extracting(Article::getTextOrigin).containsOnly(TextOrigin.PAGE);
  }

  private PageFetcher fetcher(String instance) {
    HttpSettings http =
        HttpSettings.defaults()
            .withRequestTimeout(Duration.ofSeconds(1))
            .withMaxBodyBytes(MAX_BODY);
    PageFetcherSettings settings =
        PageFetcherSettings.builder(instance + "-" + run)
            .allowPrivate(true)
            .http(http)
            .politeness(PolitenessSettings.defaults().withoutHostLimits())
            .batchTime(Duration.ofSeconds(20))
            .build();
    return new PageFetcher(kafka.connection(), Clock.systemUTC(), settings);
  }

  private FeedItem item(String name, String path) {
    String id = run + "-" + name;
    return FeedItem.newBuilder()
        .setId(id)
        .setSourceId("techwire")
        .setSourceType("rss")
        .setOutlet("Techwire")
        .setUrl(routes.url(path).toString())
        .setTitle("Headline " + id)
        .setSummary(summaryOf(id))
        .setDiscovered(java.time.Instant.parse("2026-09-02T15:05:00Z"))
        .setAttributes(Map.of())
        .build();
  }

  private static String summaryOf(String id) {
    return "The feed's summary of " + id + ".";
  }

  private static MockResponse slowly(byte[] body) {
    return new MockResponse.Builder()
        .headersDelay(3, TimeUnit.SECONDS)
        .body(CannedRoutes.bytes(body))
        .build();
  }

  private static byte[] hugePage() {
    byte[] body = new byte[4 * MAX_BODY];
    Arrays.fill(body, (byte) 'x');
    return body;
  }

  private static void publish(List<FeedItem> items) {
    try (Producer<String, byte[]> producer = producer()) {
      for (FeedItem item : items) {
        byte[] value = BellwetherSerdes.feedItem().serialize(Topics.NEW_ITEMS.name(), item);
        producer.send(new ProducerRecord<>(Topics.NEW_ITEMS.name(), item.getId(), value));
      }
    }
  }

  private void sendPoison() {
    try (Producer<String, byte[]> producer = producer()) {
      byte[] junk = "<item>not avro</item>".getBytes(StandardCharsets.UTF_8);
      producer.send(new ProducerRecord<>(Topics.NEW_ITEMS.name(), run + "-poison", junk));
    }
  }

  private static Producer<String, byte[]> producer() {
    return new KafkaProducer<>(
        kafka.connection().config(), new StringSerializer(), new ByteArraySerializer());
  }

  /** Waits until this run has {@code count} articles; returns them by id. */
  private Map<String, Article> awaitArticles(int count) {
    await("articles of this run")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> readArticles().size() >= count);
    return readArticles().stream().collect(Collectors.toMap(Article::getId, Function.identity()));
  }

  private static Map<String, String> reasons(Map<String, Article> articles) {
    return articles.values().stream()
        .filter(a -> a.getFallbackReason() != null)
        .collect(Collectors.toMap(Article::getId, Article::getFallbackReason));
  }

  private List<Article> readArticles() {
    return readCommitted(Topics.ARTICLES.name()).stream()
        .map(r -> BellwetherSerdes.article().deserialize(r.topic(), r.value()))
        .filter(a -> a.getId().startsWith(run + "-"))
        .toList();
  }

  private List<DeadLetter> deadLetters() {
    return readCommitted(Topics.DLQ.name()).stream()
        .filter(r -> (run + "-poison").equals(r.key()))
        .map(r -> BellwetherSerdes.deadLetter().deserialize(r.topic(), r.value()))
        .toList();
  }

  /** Every committed record of {@code topic}, from the beginning to its current end. */
  private static List<ConsumerRecord<String, byte[]>> readCommitted(String topic) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (Consumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            kafka
                .connection()
                .config(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.currentTimeMillis() + 20_000;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
          && System.currentTimeMillis() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
