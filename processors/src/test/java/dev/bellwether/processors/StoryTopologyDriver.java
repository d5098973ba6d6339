package dev.bellwether.processors;

import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.tagging.Tagger;
import dev.bellwether.core.watchlist.Watchlist;
import dev.bellwether.schemas.KafkaConnection;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.TextOrigin;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The whole topology in Kafka Streams' test driver, fed articles as the page fetchers write them
 * (articles from feed summaries off), with a 72 h story window and the clock at {@code start}: for
 * tests of stories and their alerts.
 */
public final class StoryTopologyDriver implements AutoCloseable {
  private static final CompanyKnowledgeBase KB = CompanyKnowledgeBase.builtIn();

  private final TopologyTestDriver driver;

  public StoryTopologyDriver(Path stateDir, Watchlist watchlist, Instant start) {
    var settings =
        BellwetherTopology.Settings.builder(new Tagger(KB), watchlist)
            .clock(Clock.fixed(start, ZoneOffset.UTC))
            .seenItemsMemory(Duration.ofDays(30))
            .articlesFromFeedSummaries(false)
            .meters(new SimpleMeterRegistry())
            .storyWindow(Duration.ofHours(72))
            .storyLateness(Duration.ofDays(7))
            .build();
    Properties config = ProcessorsRunner.config(KafkaConnection.of("unused:9092"), stateDir);
    config.put("processing.guarantee", "at_least_once");
    this.driver = new TopologyTestDriver(BellwetherTopology.build(settings), config, start);
  }

  /** The built-in knowledge base the tagger and watchlists of these tests use. */
  public static CompanyKnowledgeBase knowledgeBase() {
    return KB;
  }

  /** Writes an article to {@code bellwether.articles}, its URL made from the outlet and id. */
  public void publish(String id, String outlet, String title, String text, Instant published) {
    Article a =
        Article.newBuilder()
            .setId(id)
            .setSourceId(outlet.toLowerCase(Locale.ROOT))
            .setOutlet(outlet)
            .setUrl(
                "https://" + outlet.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example/" + id)
            .setTitle(title)
            .setText(text)
            .setPublished(published)
            .setDiscovered(published.plusSeconds(60))
            .setTextOrigin(TextOrigin.PAGE)
            .build();
    driver
        .createInputTopic(
            Topics.ARTICLES.name(), new StringSerializer(), BellwetherSerdes.article().serializer())
        .pipeInput(id, a, published);
  }

  /** The alerts written since the last call. */
  public List<TestRecord<String, Alert>> alerts() {
    return driver
        .createOutputTopic(
            Topics.ALERTS.name(), new StringDeserializer(), BellwetherSerdes.alert().deserializer())
        .readRecordsToList();
  }

  public TopologyTestDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.close();
  }
}
