package dev.bellwether.bench.load;

import dev.bellwether.core.story.StoryBook;
import dev.bellwether.core.story.StoryClusterer;
import dev.bellwether.core.tagging.Tagger;
import dev.bellwether.core.watchlist.Watchlist;
import dev.bellwether.processors.BellwetherTopology;
import dev.bellwether.processors.article.FeedSummaryArticles;
import dev.bellwether.processors.dedupe.SeenItemsFilter;
import dev.bellwether.processors.metrics.ProcessorsMetrics;
import dev.bellwether.processors.story.StoryProcessor;
import dev.bellwether.processors.tag.ArticleTagger;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.FeedItem;
import dev.bellwether.schemas.avro.TaggedArticle;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Partial topologies between the pass-through and the full topology, each reading {@code
 * bellwether.discovered} and doing one more of the full topology's stages with the processors' own
 * classes: where the throughput goes, stage by stage. Their outputs go to topics of their own that
 * nothing reads.
 */
final class StageLadder {
  static final String ITEMS_OUT = "bench.ladder.items";
  static final String ARTICLES_OUT = "bench.ladder.articles";
  static final String TAGGED_OUT = "bench.ladder.tagged";
  static final String ALERTS_OUT = "bench.ladder.alerts";

  /** The output topics, created with the run's broker. */
  static final List<String> OUTPUTS = List.of(ITEMS_OUT, ARTICLES_OUT, TAGGED_OUT, ALERTS_OUT);

  private static final Serde<String> KEYS = Serdes.String();

  /** One rung: a name for the report and the topology. */
  record Stage(String name, Supplier<Topology> topology) {}

  private StageLadder() {}

  /** The rungs, each doing what the one before does and one stage more. */
  static List<Stage> stages(Tagger tagger, Watchlist watchlist) {
    return List.of(
        new Stage("Avro in and out (FeedItem read and written)", StageLadder::avro),
        new Stage("+ dedupe (seen-items store, changelogged)", StageLadder::dedupe),
        new Stage(
            "+ articles and tagging (articles and tagged written)",
            () -> {
              StreamsBuilder builder = new StreamsBuilder();
              tagged(builder, tagger);
              return builder.build();
            }),
        new Stage(
            "+ stories and alerts (story repartition, stories store, alerts written)",
            () -> storiesAndAlerts(tagger, watchlist)));
  }

  private static Topology avro() {
    StreamsBuilder builder = new StreamsBuilder();
    discovered(builder).to(ITEMS_OUT, Produced.with(KEYS, BellwetherSerdes.feedItem()));
    return builder.build();
  }

  private static Topology dedupe() {
    StreamsBuilder builder = new StreamsBuilder();
    newItems(builder);
    return builder.build();
  }

  private static KStream<String, TaggedArticle> tagged(StreamsBuilder builder, Tagger tagger) {
    KStream<String, Article> articles =
        newItems(builder).mapValues(FeedSummaryArticles::fromFeedItem, Named.as("to-article"));
    articles.to(ARTICLES_OUT, Produced.with(KEYS, BellwetherSerdes.article()));
    ArticleTagger articleTagger = new ArticleTagger(tagger, Clock.systemUTC());
    KStream<String, TaggedArticle> tagged =
        articles.mapValues(articleTagger::tag, Named.as("tag-article"));
    tagged.to(TAGGED_OUT, Produced.with(KEYS, BellwetherSerdes.taggedArticle()));
    return tagged;
  }

  /** The full topology without the trend windows. */
  private static Topology storiesAndAlerts(Tagger tagger, Watchlist watchlist) {
    StreamsBuilder builder = new StreamsBuilder();
    StoryClusterer clusterer = StoryClusterer.withDefaults();
    ProcessorsMetrics meters =
        new ProcessorsMetrics(new CompositeMeterRegistry(), Clock.systemUTC());
    BellwetherTopology.storiesAndAlerts(
            builder,
            tagged(builder, tagger),
            () ->
                new StoryProcessor(
                    () -> new StoryBook(clusterer, watchlist, StoryBook.DEFAULT_LATENESS), meters))
        .to(ALERTS_OUT, Produced.with(KEYS, BellwetherSerdes.alert()));
    return builder.build();
  }

  private static KStream<String, FeedItem> discovered(StreamsBuilder builder) {
    return builder.stream(
        Topics.DISCOVERED.name(), Consumed.with(KEYS, BellwetherSerdes.feedItem()));
  }

  private static KStream<String, FeedItem> newItems(StreamsBuilder builder) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(SeenItemsFilter.STORE), KEYS, Serdes.Long()));
    KStream<String, FeedItem> items =
        discovered(builder)
            .process(
                () -> new SeenItemsFilter(Duration.ofDays(30)),
                Named.as("drop-seen-items"),
                SeenItemsFilter.STORE);
    items.to(ITEMS_OUT, Produced.with(KEYS, BellwetherSerdes.feedItem()));
    return items;
  }
}
