package dev.bellwether.processors.trends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.EventStatus;
import dev.bellwether.schemas.avro.EventType;
import dev.bellwether.schemas.avro.Evidence;
import dev.bellwether.schemas.avro.TaggedArticle;
import dev.bellwether.schemas.avro.TaggedEvent;
import dev.bellwether.schemas.avro.TextOrigin;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendsTopologyTest {
  /**
   * Stands in for the tagging step's stream: read with the default timestamp extractor, so records
   * reach the trends with the timestamps they were piped with, as they do in process.
   */
  private static final String TAGGED_IN_PROCESS = "test.tagged-in-process";

  private static final Instant DAY1 = Instant.parse("2026-11-27T00:00:00Z");
  private static final Instant DAY2 = Instant.parse("2026-11-28T00:00:00Z");

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, TaggedArticle> tagged;
  private int ids;

  @BeforeEach
  void startDriver() {
    StreamsBuilder builder = new StreamsBuilder();
    TrendsTopology.addTo(
        builder.stream(
            TAGGED_IN_PROCESS, Consumed.with(Serdes.String(), BellwetherSerdes.taggedArticle())));
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "trends-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(builder.build(), config, DAY1);
    tagged =
        driver.createInputTopic(
            TAGGED_IN_PROCESS,
            new StringSerializer(),
            BellwetherSerdes.taggedArticle().serializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void countsPerCompanyAndTypeInHourAndDayWindowsByPublishedTime() {
    pipe(at("2026-11-27T09:10:00Z"), event(EventType.FUNDING, "OpenAI"));
    pipe(at("2026-11-27T09:50:00Z"), event(EventType.FUNDING, "OpenAI"));
    pipe(at("2026-11-27T10:05:00Z"), event(EventType.FUNDING, "OpenAI"));
    pipe(at("2026-11-27T11:00:00Z"), event(EventType.PARTNERSHIP, "OpenAI", "Microsoft"));
    pipe(at("2026-11-28T01:00:00Z"), event(EventType.FUNDING, "OpenAI"));
    pipe(at("2026-11-28T02:00:00Z"), event(EventType.EXPORT_CONTROL, "Nvidia"));

    assertThat(counts(TrendWindow.HOUR, "OpenAI|FUNDING"))
        .containsExactly(
            Map.entry(at("2026-11-27T09:00:00Z"), 2L),
            Map.entry(at("2026-11-27T10:00:00Z"), 1L),
            Map.entry(at("2026-11-28T01:00:00Z"), 1L));
    assertThat(counts(TrendWindow.DAY, "OpenAI|FUNDING"))
        .containsExactly(Map.entry(DAY1, 3L), Map.entry(DAY2, 1L));
    assertThat(counts(TrendWindow.DAY, "OpenAI|PARTNERSHIP")).containsExactly(Map.entry(DAY1, 1L));
    assertThat(counts(TrendWindow.DAY, "Microsoft|PARTNERSHIP"))
        .containsExactly(Map.entry(DAY1, 1L));
    assertThat(counts(TrendWindow.DAY, "Nvidia|EXPORT_CONTROL"))
        .containsExactly(Map.entry(DAY2, 1L));
    assertThat(counts(TrendWindow.DAY, "Nvidia|FUNDING")).isEmpty();
  }

  @Test
  void countsAnArticleOncePerCompanyAndTypeHoweverManyEventsItReports() {
    pipe(
        at("2026-11-27T09:00:00Z"),
        event(EventType.FUNDING, "Anthropic"),
        event(EventType.FUNDING, "Anthropic", "Amazon"),
        event(EventType.UNKNOWN, "Anthropic"));

    assertThat(counts(TrendWindow.DAY, "Anthropic|FUNDING")).containsExactly(Map.entry(DAY1, 1L));
    assertThat(counts(TrendWindow.DAY, "Amazon|FUNDING")).containsExactly(Map.entry(DAY1, 1L));
    assertThat(counts(TrendWindow.DAY, "Anthropic|UNKNOWN")).isEmpty();
  }

  @Test
  void countsArticlesReadNewestFirstAsFeedsListThem() {
    pipe(at("2026-11-28T12:00:00Z"), event(EventType.IPO, "xAI"));
    pipe(at("2026-11-28T03:00:00Z"), event(EventType.IPO, "xAI"));
    pipe(at("2026-11-27T23:30:00Z"), event(EventType.IPO, "xAI"));
    pipe(at("2026-11-20T22:00:00Z"), event(EventType.IPO, "xAI"));

    assertThat(counts(TrendWindow.DAY, "xAI|IPO"))
        .containsExactly(
            Map.entry(at("2026-11-20T00:00:00Z"), 1L), Map.entry(DAY1, 1L), Map.entry(DAY2, 2L));
    assertThat(counts(TrendWindow.HOUR, "xAI|IPO"))
        .containsExactly(
            Map.entry(at("2026-11-20T22:00:00Z"), 1L),
            Map.entry(at("2026-11-27T23:00:00Z"), 1L),
            Map.entry(at("2026-11-28T03:00:00Z"), 1L),
            Map.entry(at("2026-11-28T12:00:00Z"), 1L));
  }

  @Test
  void dropsArticlesOlderThanTheRetentionBehindTheNewest() {
    pipe(at("2026-11-28T12:00:00Z"), event(EventType.IPO, "xAI"));
    // Its day window closed 29 days and 12 hours before stream time: past the 29-day grace.
    pipe(at("2026-10-29T23:00:00Z"), event(EventType.IPO, "xAI"));
    // Its day window closed 28 days and 12 hours before: within the grace.
    pipe(at("2026-10-30T23:00:00Z"), event(EventType.IPO, "xAI"));

    assertThat(counts(TrendWindow.DAY, "xAI|IPO"))
        .containsExactly(Map.entry(at("2026-10-30T00:00:00Z"), 1L), Map.entry(DAY2, 1L));
  }

  @Test
  void usesTheRecordTimeWhenThePublishedTimeIsMissingOrInTheFuture() {
    Instant read = at("2026-11-27T15:20:00Z");
    tagged.pipeInput("no-date", article(null, List.of(event(EventType.FUNDING, "Mistral"))), read);
    tagged.pipeInput(
        "future",
        article(at("2027-01-01T00:00:00Z"), List.of(event(EventType.FUNDING, "Mistral"))),
        read);

    assertThat(counts(TrendWindow.HOUR, "Mistral|FUNDING"))
        .containsExactly(Map.entry(at("2026-11-27T15:00:00Z"), 2L));
  }

  @Test
  void usesTheRecordTimeWhenThePublishedTimeIsBefore1970() {
    Instant read = at("2026-11-27T15:20:00Z");
    tagged.pipeInput(
        "epoch-bug",
        article(at("1969-12-31T23:00:00Z"), List.of(event(EventType.FUNDING, "Mistral"))),
        read);

    assertThat(counts(TrendWindow.HOUR, "Mistral|FUNDING"))
        .containsExactly(Map.entry(at("2026-11-27T15:00:00Z"), 1L));
  }

  @Test
  void anArticleWithoutEventsCountsNothing() {
    pipe(at("2026-11-27T09:00:00Z"));

    assertThat(driver.getWindowStore(TrendWindow.DAY.store()).all().hasNext()).isFalse();
  }

  private void pipe(Instant published, TaggedEvent... events) {
    // The record is read an hour after publication, as fetchers and tagging take time.
    tagged.pipeInput(
        "item-" + ids++, article(published, List.of(events)), published.plusSeconds(3600));
  }

  private Map<Instant, Long> counts(TrendWindow window, String key) {
    WindowStore<String, Long> store = driver.getWindowStore(window.store());
    Map<Instant, Long> counts = new LinkedHashMap<>();
    try (WindowStoreIterator<Long> it =
        store.fetch(
            key, Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-12-31T00:00:00Z"))) {
      it.forEachRemaining(kv -> counts.put(Instant.ofEpochMilli(kv.key), kv.value));
    }
    return counts;
  }

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }

  static TaggedEvent event(EventType type, String... companies) {
    return TaggedEvent.newBuilder()
        .setType(type)
        .setStatus(EventStatus.REPORTED)
        .setCompanies(List.of(companies))
        .setConfidence(0.9)
        .setEvidence(new Evidence("evidence", 0, 8))
        .build();
  }

  static TaggedArticle article(@Nullable Instant published, List<TaggedEvent> events) {
    Article article =
        Article.newBuilder()
            .setId("a")
            .setSourceId("techwire")
            .setOutlet("TechWire")
            .setUrl("https://techwire.example/a")
            .setTitle("title")
            .setText("text")
            .setPublished(published)
            .setDiscovered(published == null ? Instant.EPOCH : published)
            .setTextOrigin(TextOrigin.FEED_SUMMARY)
            .build();
    return TaggedArticle.newBuilder()
        .setArticle(article)
        .setCompanies(new ArrayList<>())
        .setEvents(events)
        .setTaggerVersion("test")
        .setTagged(Instant.EPOCH)
        .build();
  }
}
