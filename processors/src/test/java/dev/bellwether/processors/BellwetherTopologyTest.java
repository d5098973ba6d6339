package dev.bellwether.processors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.tagging.Tagger;
import dev.bellwether.core.watchlist.Watchlist;
import dev.bellwether.processors.metrics.ProcessorsMetrics;
import dev.bellwether.processors.trends.TrendWindow;
import dev.bellwether.processors.trends.TrendsTopology;
import dev.bellwether.schemas.KafkaConnection;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertKind;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.DeadLetter;
import dev.bellwether.schemas.avro.EventType;
import dev.bellwether.schemas.avro.FeedItem;
import dev.bellwether.schemas.avro.TaggedArticle;
import dev.bellwether.schemas.json.AlertJsonLines;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BellwetherTopologyTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, FeedItem> discovered;
  private TestOutputTopic<String, FeedItem> newItems;
  private TestOutputTopic<String, Article> articles;
  private TestOutputTopic<String, TaggedArticle> tagged;
  private TestOutputTopic<String, Alert> alerts;
  private TestOutputTopic<String, DeadLetter> deadLetters;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @BeforeEach
  void startDriver() {
    CompanyKnowledgeBase kb = CompanyKnowledgeBase.builtIn();
    var settings =
        BellwetherTopology.Settings.builder(new Tagger(kb), Watchlist.builtIn(kb))
            .clock(Clock.fixed(T0, ZoneOffset.UTC))
            .seenItemsMemory(Duration.ofDays(30))
            .articlesFromFeedSummaries(true)
            .meters(meters)
            .storyWindow(Duration.ofHours(72))
            .storyLateness(Duration.ofDays(7))
            .build();
    java.util.Properties config =
        atLeastOnce(ProcessorsRunner.config(KafkaConnection.of("unused:9092"), stateDir));
    config.put(ProcessorsMetrics.REGISTRY_CONFIG, meters);
    driver = new TopologyTestDriver(BellwetherTopology.build(settings), config, T0);
    discovered =
        driver.createInputTopic(
            Topics.DISCOVERED.name(),
            new StringSerializer(),
            BellwetherSerdes.feedItem().serializer());
    newItems = output(Topics.NEW_ITEMS.name(), BellwetherSerdes.feedItem());
    articles = output(Topics.ARTICLES.name(), BellwetherSerdes.article());
    tagged = output(Topics.TAGGED.name(), BellwetherSerdes.taggedArticle());
    alerts = output(Topics.ALERTS.name(), BellwetherSerdes.alert());
    deadLetters = output(Topics.DLQ.name(), BellwetherSerdes.deadLetter());
  }

  /**
   * The test driver's mock producer drops dead letters sent while a record is being deserialized
   * when exactly-once is on (no transaction is open yet at that point); the broker-backed
   * integration test proves the DLQ under exactly-once. Topology logic is the same either way.
   */
  private static java.util.Properties atLeastOnce(java.util.Properties p) {
    p.put("processing.guarantee", "at_least_once");
    return p;
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void alertsOnceForAFundingRoundOfAWatchedCompany() {
    FeedItem round =
        item(
            "a1",
            "OpenAI raises $40 billion at a $500 billion valuation",
            "The round was led by SoftBank, with Thrive Capital and Microsoft participating.");
    discovered.pipeInput(round.getId(), round, T0);
    discovered.pipeInput(round.getId(), round, T0.plusSeconds(600));

    assertThat(newItems.readValuesToList()).extracting(FeedItem::getId).containsExactly("a1");
    assertThat(tagged.readValuesToList()).hasSize(1);
    var alert = alerts.readKeyValue();
    assertThat(alert.value.getKind()).isEqualTo(AlertKind.NEW);
    assertThat(alert.value.getEventType()).isEqualTo(EventType.FUNDING);
    assertThat(alert.value.getCompanies()).contains("OpenAI");
    assertThat(alert.key).isEqualTo(alert.value.getStoryId());
    assertThat(alert.value.getSources())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getOutlet()).isEqualTo("TechWire");
              assertThat(s.getUrl()).isEqualTo("https://techwire.example/a1");
            });
    assertThat(alerts.isEmpty()).isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void writesEveryAlertAgainAsPlainJsonUnderTheSameKey() throws Exception {
    TestOutputTopic<String, String> json =
        driver.createOutputTopic(
            Topics.ALERTS_JSON.name(), new StringDeserializer(), new StringDeserializer());
    FeedItem round =
        item("j1", "OpenAI raises $40 billion at a $500 billion valuation", "Led by SoftBank.");
    FeedItem more =
        item("j2", "OpenAI closes its $40 billion round", "SoftBank led the OpenAI round.");
    discovered.pipeInput(round.getId(), round, T0);
    discovered.pipeInput(more.getId(), more, T0.plusSeconds(60));

    var avro = alerts.readKeyValuesToList();
    var plain = json.readKeyValuesToList();
    assertThat(avro).isNotEmpty();
    assertThat(plain).extracting(kv -> kv.key).isEqualTo(avro.stream().map(kv -> kv.key).toList());
    for (int i = 0; i < avro.size(); i++) {
      var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(plain.get(i).value);
      assertThat(node.get("storyId").asText()).isEqualTo(avro.get(i).key);
      assertThat(node.get("eventType").asText()).isEqualTo("FUNDING");
      assertThat(node.get("firstSeen").asText()).endsWith("Z");
      assertThat(AlertJsonLines.parse(plain.get(i).value)).isEqualTo(avro.get(i).value);
    }
  }

  @Test
  void tagsButDoesNotAlertOnNewsWithoutAnEvent() {
    FeedItem launch =
        item("b1", "Google ships a faster Gemini model", "The model tops two coding benchmarks.");
    discovered.pipeInput(launch.getId(), launch, T0);

    assertThat(tagged.readValue().getCompanies()).isNotEmpty();
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void sendsUnreadableBytesToTheDeadLetterTopicAndGoesOn() {
    var raw =
        driver.createInputTopic(
            Topics.DISCOVERED.name(), new StringSerializer(), new ByteArraySerializer());
    raw.pipeInput("junk", "<rss><oops".getBytes(StandardCharsets.UTF_8), T0);
    FeedItem round =
        item("c1", "Anthropic raises $13 billion in a Series F round", "Led by ICONIQ.");
    discovered.pipeInput(round.getId(), round, T0);

    DeadLetter letter = deadLetters.readValue();
    assertThat(letter.getStage()).isEqualTo("processors.deserialize");
    assertThat(letter.getReason()).contains("not a readable FeedItem");
    assertThat(letter.getTopic()).isEqualTo(Topics.DISCOVERED.name());
    assertThat(letter.getOriginalSize()).isEqualTo(10);
    assertThat(alerts.readValue().getCompanies()).contains("Anthropic");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void timesTaggingAndCountsAlertsByTypeWithTheirLagFromPublication() {
    FeedItem round = item("m1", "OpenAI raises $40 billion", "Led by SoftBank.");
    round.setDiscovered(T0.minusSeconds(90));
    FeedItem launch = item("m2", "Google ships a faster Gemini model", "It tops two benchmarks.");
    discovered.pipeInput(round.getId(), round, T0);
    discovered.pipeInput(launch.getId(), launch, T0);

    assertThat(meters.get(ProcessorsMetrics.TAGGING).timer().count()).isEqualTo(2);
    assertThat(meters.get(ProcessorsMetrics.ALERTS).tag("event_type", "funding").counter().count())
        .isEqualTo(1);
    var lag = meters.get(ProcessorsMetrics.ALERT_LAG).timer();
    assertThat(lag.count()).isEqualTo(1);
    assertThat(lag.max(TimeUnit.SECONDS)).isEqualTo(90);
    assertThat(meters.find(ProcessorsMetrics.DLQ).counter()).isNull();
  }

  @Test
  void countsDeadLettersByStage() {
    var raw =
        driver.createInputTopic(
            Topics.DISCOVERED.name(), new StringSerializer(), new ByteArraySerializer());
    raw.pipeInput("junk", "<rss><oops".getBytes(StandardCharsets.UTF_8), T0);

    assertThat(
            meters
                .get(ProcessorsMetrics.DLQ)
                .tag("stage", "processors.deserialize")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void forgetsSeenItemsAfterTheirMemoryRunsOut() {
    FeedItem round = item("d1", "OpenAI raises $40 billion", "Led by SoftBank.");
    discovered.pipeInput(round.getId(), round, T0);
    driver.advanceWallClockTime(Duration.ofDays(31));
    discovered.pipeInput(round.getId(), round, T0.plus(Duration.ofDays(31)));

    assertThat(newItems.readValuesToList()).hasSize(2);
  }

  @Test
  void writesEachNewItemOnceAsItemArticleAndTaggedArticleAndTagsItOnce() {
    FeedItem round =
        item(
            "e1",
            "OpenAI raises $40 billion at a $500 billion valuation",
            "The round was led by SoftBank.");
    FeedItem launch = item("e2", "Google ships a faster Gemini model", "It tops two benchmarks.");
    discovered.pipeInput(round.getId(), round, T0);
    discovered.pipeInput(launch.getId(), launch, T0.plusSeconds(5));
    discovered.pipeInput(round.getId(), round, T0.plusSeconds(10));

    assertThat(newItems.readValuesToList()).extracting(FeedItem::getId).containsExactly("e1", "e2");
    assertThat(articles.readValuesToList()).extracting(Article::getId).containsExactly("e1", "e2");
    assertThat(tagged.readValuesToList())
        .extracting(t -> t.getArticle().getId())
        .containsExactly("e1", "e2");
    assertThat(meters.get(ProcessorsMetrics.TAGGING).timer().count()).isEqualTo(2);
    var alert = alerts.readRecord();
    assertThat(alert.value().getKind()).isEqualTo(AlertKind.NEW);
    assertThat(alert.value().getCompanies()).contains("OpenAI");
    assertThat(alert.timestamp()).isEqualTo(T0.toEpochMilli());
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void readsNoTopicItWritesWhenArticlesComeFromFeedSummaries() {
    TopologyDescription shape = BellwetherTopology.build(settings(true)).describe();

    assertThat(sourceTopics(shape))
        .containsExactlyInAnyOrder(
            Topics.DISCOVERED.name(),
            "articles-for-stories-repartition",
            TrendsTopology.REPARTITION + "-repartition");
    assertThat(shape.subtopologies()).hasSize(3);
  }

  @Test
  void tagsTheArticlesTopicWhenPageFetchersWriteIt() {
    TopologyDescription shape = BellwetherTopology.build(settings(false)).describe();

    assertThat(sourceTopics(shape))
        .containsExactlyInAnyOrder(
            Topics.DISCOVERED.name(),
            Topics.ARTICLES.name(),
            "articles-for-stories-repartition",
            TrendsTopology.REPARTITION + "-repartition");
  }

  @Test
  void countsTrendsOnTheDayAnItemWasPublishedAndAlertsAtTheTimeItCameIn() {
    FeedItem round = item("p1", "OpenAI raises $40 billion", "Led by SoftBank.");
    round.setPublished(Instant.parse("2026-11-24T18:00:00Z"));
    discovered.pipeInput(round.getId(), round, T0);

    assertThat(trendsByDay("OpenAI|FUNDING"))
        .containsExactly(Map.entry(Instant.parse("2026-11-24T00:00:00Z"), 1L));
    assertThat(alerts.readRecord().timestamp()).isEqualTo(T0.toEpochMilli());
  }

  @Test
  void countsTrendsAtTheRecordTimeOfAnItemWithoutAPublishedTime() {
    FeedItem round = item("p2", "OpenAI raises $40 billion", "Led by SoftBank.");
    round.setPublished(null);
    discovered.pipeInput(round.getId(), round, T0);

    assertThat(trendsByDay("OpenAI|FUNDING"))
        .containsExactly(Map.entry(Instant.parse("2026-11-25T00:00:00Z"), 1L));
  }

  private Map<Instant, Long> trendsByDay(String key) {
    WindowStore<String, Long> store = driver.getWindowStore(TrendWindow.DAY.store());
    Map<Instant, Long> counts = new LinkedHashMap<>();
    try (WindowStoreIterator<Long> it =
        store.fetch(key, T0.minus(Duration.ofDays(10)), T0.plus(Duration.ofDays(1)))) {
      it.forEachRemaining(kv -> counts.put(Instant.ofEpochMilli(kv.key), kv.value));
    }
    return counts;
  }

  private static Set<String> sourceTopics(TopologyDescription shape) {
    Set<String> topics = new HashSet<>();
    for (TopologyDescription.Subtopology sub : shape.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Source source) {
          topics.addAll(source.topicSet());
        }
      }
    }
    return topics;
  }

  private BellwetherTopology.Settings settings(boolean articlesFromFeedSummaries) {
    CompanyKnowledgeBase kb = CompanyKnowledgeBase.builtIn();
    return BellwetherTopology.Settings.builder(new Tagger(kb), Watchlist.builtIn(kb))
        .clock(Clock.fixed(T0, ZoneOffset.UTC))
        .seenItemsMemory(Duration.ofDays(30))
        .articlesFromFeedSummaries(articlesFromFeedSummaries)
        .build();
  }

  private <T> TestOutputTopic<String, T> output(
      String topic, org.apache.kafka.common.serialization.Serde<T> serde) {
    return driver.createOutputTopic(topic, new StringDeserializer(), serde.deserializer());
  }

  private static FeedItem item(String id, String title, String summary) {
    return FeedItem.newBuilder()
        .setId(id)
        .setSourceId("techwire")
        .setSourceType("rss")
        .setOutlet("TechWire")
        .setUrl("https://techwire.example/" + id)
        .setTitle(title)
        .setSummary(summary)
        .setPublished(T0.minusSeconds(60))
        .setDiscovered(T0)
        .setAttributes(Map.of())
        .build();
  }
}
