package dev.bellwether.processors;

import dev.bellwether.core.story.StoryBook;
import dev.bellwether.core.story.StoryClusterer;
import dev.bellwether.core.tagging.Tagger;
import dev.bellwether.core.watchlist.Watchlist;
import dev.bellwether.processors.article.FeedSummaryArticles;
import dev.bellwether.processors.dedupe.SeenItemsFilter;
import dev.bellwether.processors.metrics.ProcessorsMetrics;
import dev.bellwether.processors.story.StoryProcessor;
import dev.bellwether.processors.tag.ArticleTagger;
import dev.bellwether.processors.trends.TrendsTopology;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.ArticleReports;
import dev.bellwether.schemas.avro.FeedItem;
import dev.bellwether.schemas.avro.TaggedArticle;
import dev.bellwether.schemas.json.JsonLines;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The processors' topology, built by one method that {@code main} and the tests both call.
 *
 * <p>Stages pass records on in process rather than through a topic they would read back: under
 * exactly-once every read-back waits for the writing transaction to commit and decodes the record
 * again. The topics are still written, for the consumers outside this topology.
 *
 * <p>With articles made from feed summaries, one sub-topology runs from the discovered items to the
 * repartitions:
 *
 * <pre>
 * bellwether.discovered ─ drop-seen-items ─┬▶ bellwether.new-items
 *                                          └ feed-summary-to-article ─┬▶ bellwether.articles
 *                                                                     └ tag-article ─▶ (tagged)
 * </pre>
 *
 * With articles written by the page fetchers (which read {@code bellwether.new-items}):
 *
 * <pre>
 * bellwether.discovered ─ drop-seen-items ─▶ bellwether.new-items
 * bellwether.articles   ─ tag-article ─▶ (tagged)
 * </pre>
 *
 * Either way the tagged articles go on as:
 *
 * <pre>
 * (tagged) ─▶ bellwether.tagged
 *          ├ articles-for-stories (repartition, one key: every article with events to one task)
 *          │   └ stories-and-alerts [stories] ─▶ bellwether.alerts
 *          └ trends (see {@link TrendsTopology})
 * </pre>
 */
public final class BellwetherTopology {
  private static final Serde<String> KEYS = Serdes.String();

  private BellwetherTopology() {}

  /**
   * What the topology needs from outside: the tagger, the watchlist, time and its bounds, and where
   * its meters go ({@link ProcessorsMetrics}). Made by {@link #builder}, which holds the defaults.
   */
  public record Settings(
      Tagger tagger,
      Watchlist watchlist,
      Clock clock,
      Duration seenItemsMemory,
      boolean articlesFromFeedSummaries,
      MeterRegistry meters,
      Duration storyWindow,
      Duration storyLateness) {

    /** How long an item id is remembered by default: longer than feeds keep old entries. */
    public static final Duration DEFAULT_SEEN_ITEMS_MEMORY = Duration.ofDays(30);

    /**
     * Settings for {@code tagger} and {@code watchlist}, by default with the system clock, {@link
     * #DEFAULT_SEEN_ITEMS_MEMORY}, articles made from feed summaries here, meters that go nowhere,
     * and the story window and lateness of {@link StoryClusterer} and {@link StoryBook}.
     */
    public static Builder builder(Tagger tagger, Watchlist watchlist) {
      return new Builder(tagger, watchlist);
    }

    /** A builder starting from these settings. */
    public Builder newBuilder() {
      return new Builder(tagger, watchlist)
          .clock(clock)
          .seenItemsMemory(seenItemsMemory)
          .articlesFromFeedSummaries(articlesFromFeedSummaries)
          .meters(meters)
          .storyWindow(storyWindow)
          .storyLateness(storyLateness);
    }

    /** Builds {@link Settings}; each setter replaces one default, and none takes null. */
    public static final class Builder {
      private final Tagger tagger;
      private final Watchlist watchlist;
      private Clock clock = Clock.systemUTC();
      private Duration seenItemsMemory = DEFAULT_SEEN_ITEMS_MEMORY;
      private boolean articlesFromFeedSummaries = true;
      private MeterRegistry meters = new CompositeMeterRegistry();
      private Duration storyWindow = StoryClusterer.DEFAULT_WINDOW;
      private Duration storyLateness = StoryBook.DEFAULT_LATENESS;

      private Builder(Tagger tagger, Watchlist watchlist) {
        this.tagger = Objects.requireNonNull(tagger, "tagger");
        this.watchlist = Objects.requireNonNull(watchlist, "watchlist");
      }

      /** The clock the tagger and the meters read. */
      public Builder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
      }

      /** How long an item id is remembered, to drop items seen before. */
      public Builder seenItemsMemory(Duration memory) {
        this.seenItemsMemory = Objects.requireNonNull(memory, "seenItemsMemory");
        return this;
      }

      /**
       * Whether articles are made from feed summaries here ({@code true}, for running without page
       * fetchers) or left to the page fetchers ({@code false}, as {@code bellwether run}).
       */
      public Builder articlesFromFeedSummaries(boolean fromFeedSummaries) {
        this.articlesFromFeedSummaries = fromFeedSummaries;
        return this;
      }

      /** Where the topology's meters are registered. */
      public Builder meters(MeterRegistry registry) {
        this.meters = Objects.requireNonNull(registry, "meters");
        return this;
      }

      /** Articles about one event are clustered into a story within {@code window}. */
      public Builder storyWindow(Duration window) {
        this.storyWindow = Objects.requireNonNull(window, "storyWindow");
        return this;
      }

      /**
       * Stories stay open for reports that arrive up to {@code lateness} after later ones: the
       * grouping does not depend on arrival order within it.
       */
      public Builder storyLateness(Duration lateness) {
        this.storyLateness = Objects.requireNonNull(lateness, "storyLateness");
        return this;
      }

      public Settings build() {
        return new Settings(
            tagger,
            watchlist,
            clock,
            seenItemsMemory,
            articlesFromFeedSummaries,
            meters,
            storyWindow,
            storyLateness);
      }
    }
  }

  public static Topology build(Settings settings) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, FeedItem> newItems = dropSeenItems(builder, settings.seenItemsMemory());
    KStream<String, Article> articles =
        settings.articlesFromFeedSummaries()
            ? articlesFromFeedSummaries(newItems)
            : articlesFromPageFetchers(builder);
    StoryClusterer clusterer =
        new StoryClusterer(
            settings.storyWindow(),
            StoryClusterer.DEFAULT_NEAR_DUPLICATE,
            StoryClusterer.DEFAULT_AMOUNT_TOLERANCE);
    ProcessorsMetrics meters = new ProcessorsMetrics(settings.meters(), settings.clock());
    KStream<String, TaggedArticle> tagged =
        tagAndAlert(
            builder,
            articles,
            new ArticleTagger(settings.tagger(), settings.clock()),
            () ->
                new StoryProcessor(
                    () -> new StoryBook(clusterer, settings.watchlist(), settings.storyLateness()),
                    meters),
            meters);
    TrendsTopology.addTo(tagged);
    return builder.build();
  }

  /** The items seen for the first time, written to {@code bellwether.new-items} and returned. */
  private static KStream<String, FeedItem> dropSeenItems(StreamsBuilder builder, Duration memory) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(SeenItemsFilter.STORE), KEYS, Serdes.Long()));
    Serde<FeedItem> items = BellwetherSerdes.feedItem();
    KStream<String, FeedItem> newItems =
        builder.stream(
                Topics.DISCOVERED.name(), Consumed.with(KEYS, items).withName("read-discovered"))
            .process(
                () -> new SeenItemsFilter(memory),
                Named.as("drop-seen-items"),
                SeenItemsFilter.STORE);
    newItems.to(Topics.NEW_ITEMS.name(), Produced.with(KEYS, items).withName("write-new-items"));
    return newItems;
  }

  /**
   * Articles made here from the new items' feed summaries, written to {@code bellwether.articles}
   * and tagged from this stream: the topic is not read back, so nothing else written there is
   * tagged in this mode.
   */
  private static KStream<String, Article> articlesFromFeedSummaries(
      KStream<String, FeedItem> newItems) {
    KStream<String, Article> articles =
        newItems.mapValues(FeedSummaryArticles::fromFeedItem, Named.as("feed-summary-to-article"));
    articles.to(
        Topics.ARTICLES.name(),
        Produced.with(KEYS, BellwetherSerdes.article()).withName("write-articles"));
    return articles;
  }

  /** Articles the page fetchers wrote to {@code bellwether.articles}. */
  private static KStream<String, Article> articlesFromPageFetchers(StreamsBuilder builder) {
    return builder.stream(
        Topics.ARTICLES.name(),
        Consumed.with(KEYS, BellwetherSerdes.article()).withName("read-articles"));
  }

  /**
   * The articles tagged, written to {@code bellwether.tagged} and returned; and each article with
   * events sent to the one story task, which writes the alerts. The alert branch keeps the records'
   * timestamps as they came in, from which publish→alert latency is measured.
   */
  private static KStream<String, TaggedArticle> tagAndAlert(
      StreamsBuilder builder,
      KStream<String, Article> articles,
      ArticleTagger tagger,
      ProcessorSupplier<String, ArticleReports, String, Alert> stories,
      ProcessorsMetrics meters) {
    Serde<TaggedArticle> taggedArticles = BellwetherSerdes.taggedArticle();
    Serde<Alert> alertSerde = BellwetherSerdes.alert();
    KStream<String, TaggedArticle> tagged =
        articles.mapValues(
            article -> meters.timeTagging(() -> tagger.tag(article)), Named.as("tag-article"));
    tagged.to(Topics.TAGGED.name(), Produced.with(KEYS, taggedArticles).withName("write-tagged"));
    KStream<String, Alert> alerts = storiesAndAlerts(builder, tagged, stories);
    alerts.to(Topics.ALERTS.name(), Produced.with(KEYS, alertSerde).withName("write-alerts"));
    // the same alerts as plain JSON, in the same transaction, for clients without Avro
    alerts
        .mapValues(JsonLines::line, Named.as("alert-as-json"))
        .to(
            Topics.ALERTS_JSON.name(),
            Produced.with(KEYS, Serdes.String()).withName("write-alerts-json"));
    return tagged;
  }

  /**
   * The story stage: each tagged article with events becomes its reports (read here, in the tagging
   * task), all of them go under one key to the one story task, which keeps the stories in its store
   * and returns the alerts (ADR 0011).
   */
  public static KStream<String, Alert> storiesAndAlerts(
      StreamsBuilder builder,
      KStream<String, TaggedArticle> tagged,
      ProcessorSupplier<String, ArticleReports, String, Alert> stories) {
    builder.addStateStore(StoryProcessor.storeBuilder());
    return tagged
        .filter((id, article) -> !article.getEvents().isEmpty(), Named.as("articles-with-events"))
        .mapValues(StoryProcessor::reportsOf, Named.as("reports-of-article"))
        .filter((id, reports) -> !reports.getReports().isEmpty(), Named.as("articles-with-reports"))
        .selectKey((id, reports) -> StoryProcessor.KEY, Named.as("articles-for-stories"))
        .repartition(
            Repartitioned.with(KEYS, BellwetherSerdes.articleReports())
                .withName("articles-for-stories")
                .withNumberOfPartitions(1))
        .process(stories, Named.as("stories-and-alerts"), StoryProcessor.STORE);
  }
}
