package dev.bellwether.processors.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.story.Report;
import dev.bellwether.core.story.Source;
import dev.bellwether.core.story.Story;
import dev.bellwether.core.story.StoryBook;
import dev.bellwether.core.story.StoryClusterer;
import dev.bellwether.core.story.StoryEvent;
import dev.bellwether.core.story.TrackedStory;
import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import dev.bellwether.core.tagging.Tagger;
import dev.bellwether.core.watchlist.Watchlist;
import dev.bellwether.processors.StoryTopologyDriver;
import dev.bellwether.processors.metrics.ProcessorsMetrics;
import dev.bellwether.processors.tag.ArticleTagger;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertKind;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.ArticleReports;
import dev.bellwether.schemas.avro.StoredStory;
import dev.bellwether.schemas.avro.TaggedArticle;
import dev.bellwether.schemas.avro.TextOrigin;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code stories} store: one Avro {@code StoredStory} per story id, read back exactly, what the
 * story task rebuilds its stories from when it starts again, and swept of closed stories.
 */
class StoryStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
  private static final CompanyKnowledgeBase KB = StoryTopologyDriver.knowledgeBase();

  @TempDir Path stateDir;
  private StoryTopologyDriver topology;
  private TopologyTestDriver driver;

  @AfterEach
  void close() {
    if (topology != null) {
      topology.close();
    }
  }

  @Test
  void aStoryReadsBackEqualToWhatWasWrittenThroughItsAvroRecord() {
    StoryEvent event =
        new StoryEvent(
            EventType.FUNDING,
            EventStatus.ANNOUNCED,
            List.of("Anthropic", "ICONIQ"),
            Map.of("amount_usd", "13000000000", "investors", "ICONIQ; Fidelity"),
            false,
            false);
    Report a =
        Report.of(
            "a1",
            "Wire",
            "https://wire.example/a1",
            T0,
            "Anthropic raises $13 billion",
            "Anthropic raised $13 billion led by ICONIQ at a $183 billion valuation.",
            event);
    Report b =
        Report.of(
            "a2",
            "Ledger",
            "https://ledger.example/a2",
            T0.plusSeconds(3600),
            "ICONIQ leads $13bn bet",
            "ICONIQ has led a $13bn round for the Claude maker.",
            event);
    Story story =
        new Story(
            "st-0123456789abcdef",
            List.of(a, b),
            List.of(new Source("Late", "https://late.example/x", T0.plusSeconds(7200))));
    TrackedStory tracked = new TrackedStory(story, "frontier-labs-all", 3, 2);

    var serde = BellwetherSerdes.storedStory();
    byte[] bytes = serde.serializer().serialize("stories", StoryRecords.stored(tracked));
    StoredStory back = serde.deserializer().deserialize("stories", bytes);

    assertThat(StoryRecords.tracked(back)).isEqualTo(tracked);
    assertThat(StoryRecords.tracked(back).story().members().get(0).amounts())
        .containsExactly(13_000_000_000L, 183_000_000_000L);
  }

  @Test
  void eachStoryIsOneEntryUnderItsId() {
    start();
    publish("a1", "Wire One", "Anthropic raises $13 billion", "Anthropic raised $13 billion.", T0);
    confirmAnthropic("a2", "Wire Two", T0.plusSeconds(3600));
    publish(
        "m1",
        "Wire One",
        "Mistral AI raises $2 billion",
        "Mistral AI raised $2 billion in a round led by ASML.",
        T0.plusSeconds(7200));

    List<KeyValue<String, StoredStory>> entries = entries();
    assertThat(entries).hasSize(2);
    assertThat(entries).allSatisfy(e -> assertThat(e.key).isEqualTo(e.value.getId()));
    assertThat(entries)
        .extracting(e -> e.value.getReports().size())
        .containsExactlyInAnyOrder(2, 1);
  }

  @Test
  void theSweepDeletesStoriesThatCanTakeNoMoreReports() {
    start();
    publish("a1", "Wire One", "Anthropic raises $13 billion", "Anthropic raised $13 billion.", T0);
    // the stories' clock moves past the window and the lateness allowed (72 h + 7 days)
    publish(
        "m1",
        "Wire One",
        "Mistral AI raises $2 billion",
        "Mistral AI raised $2 billion in a round led by ASML.",
        T0.plus(Duration.ofDays(11)));

    driver.advanceWallClockTime(StoryProcessor.SWEEP.plusMinutes(1));

    assertThat(entries())
        .singleElement()
        .satisfies(e -> assertThat(e.value.getReports().get(0).getArticleId()).isEqualTo("m1"));
  }

  @Test
  void aRestartedTaskRebuildsItsStoriesFromTheStoreAndAlertsTheSame() {
    KeyValueStore<String, byte[]> kept =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoryProcessor.STORE),
                Serdes.String(),
                Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    MockProcessorContext<String, Alert> first = new MockProcessorContext<>();
    kept.init(first.getStateStoreContext(), kept);
    first.addStateStore(kept);
    StoryProcessor before = processor();
    before.init(first);
    before.process(
        tagged(
            "a1", "Wire One", "Anthropic raises $13 billion", "Anthropic raised $13 billion.", T0));
    before.process(
        tagged(
            "a2",
            "Wire Two",
            "Anthropic closes $13 billion round",
            "Anthropic closed a $13 billion round led by Iconiq.",
            T0.plusSeconds(3600)));
    before.close();

    // an entry an older version wrote (a story under its signature key, format 2)
    kept.put("FUNDING|lead:OpenAI\u001fst-0000000000000000", new byte[] {2, 0, 0, 1});

    // a new task over the same store: it loads the stories and goes on where the other stopped,
    // dropping what it cannot read
    MockProcessorContext<String, Alert> second = new MockProcessorContext<>();
    second.addStateStore(kept);
    StoryProcessor after = processor();
    after.init(second);
    after.process(
        tagged(
            "a3",
            "Wire Three",
            "Iconiq leads Anthropic's $13 billion raise",
            "Anthropic has raised $13 billion; Iconiq led the round, the company said.",
            T0.plusSeconds(7200)));

    List<Alert> earlier = first.forwarded().stream().map(f -> (Alert) f.record().value()).toList();
    List<Alert> later = second.forwarded().stream().map(f -> (Alert) f.record().value()).toList();
    assertThat(earlier).extracting(Alert::getKind).containsExactly(AlertKind.NEW, AlertKind.UPDATE);
    assertThat(later)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getKind()).isEqualTo(AlertKind.UPDATE);
              assertThat(a.getStoryId()).isEqualTo(earlier.get(0).getStoryId());
              assertThat(a.getId()).isEqualTo(earlier.get(0).getStoryId() + "-3");
              assertThat(a.getSources()).hasSize(3);
            });
    assertThat(kept.get("FUNDING|lead:OpenAI\u001fst-0000000000000000")).isNull();
  }

  private static StoryProcessor processor() {
    return new StoryProcessor(
        () ->
            new StoryBook(
                StoryClusterer.withDefaults(), Watchlist.builtIn(KB), StoryBook.DEFAULT_LATENESS),
        new ProcessorsMetrics(new SimpleMeterRegistry(), Clock.systemUTC()));
  }

  private static Record<String, ArticleReports> tagged(
      String id, String outlet, String title, String text, Instant published) {
    Article a =
        Article.newBuilder()
            .setId(id)
            .setSourceId("wire")
            .setOutlet(outlet)
            .setUrl("https://wire.example/" + id)
            .setTitle(title)
            .setText(text)
            .setPublished(published)
            .setDiscovered(published)
            .setTextOrigin(TextOrigin.PAGE)
            .build();
    TaggedArticle t = new ArticleTagger(new Tagger(KB), Clock.systemUTC()).tag(a);
    return new Record<>(StoryProcessor.KEY, StoryProcessor.reportsOf(t), published.toEpochMilli());
  }

  private void start() {
    topology = new StoryTopologyDriver(stateDir, Watchlist.builtIn(KB), T0);
    driver = topology.driver();
  }

  private KeyValueStore<String, byte[]> store() {
    return driver.getKeyValueStore(StoryProcessor.STORE);
  }

  private List<KeyValue<String, StoredStory>> entries() {
    List<KeyValue<String, StoredStory>> out = new ArrayList<>();
    store()
        .all()
        .forEachRemaining(
            kv ->
                out.add(
                    KeyValue.pair(
                        kv.key,
                        BellwetherSerdes.storedStory().deserializer().deserialize("s", kv.value))));
    return out;
  }

  private void publish(String id, String outlet, String title, String text, Instant published) {
    topology.publish(id, outlet, title, text, published);
  }

  /** A second outlet's report of the Anthropic round of {@code a1}, an hour or more later. */
  private void confirmAnthropic(String id, String outlet, Instant published) {
    publish(
        id,
        outlet,
        "Anthropic closes $13 billion round",
        "Anthropic closed a $13 billion round led by Iconiq.",
        published);
  }

  private List<TestRecord<String, Alert>> alerts() {
    return topology.alerts();
  }
}
