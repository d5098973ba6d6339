package dev.bellwether.processors.story;

import dev.bellwether.core.story.Report;
import dev.bellwether.core.story.StoryAlert;
import dev.bellwether.core.story.StoryBook;
import dev.bellwether.core.story.TrackedStory;
import dev.bellwether.processors.metrics.ProcessorsMetrics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.ArticleReports;
import dev.bellwether.schemas.avro.Evidence;
import dev.bellwether.schemas.avro.StoredStory;
import dev.bellwether.schemas.avro.TaggedArticle;
import dev.bellwether.schemas.serde.AvroSerde;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups tagged articles into stories and alerts on those a watchlist rule matches. Input: the
 * reports of every tagged article with events ({@link #reportsOf}), all under one key, so that one
 * task sees every open story and an article can join whichever story its content links it to (no
 * key can say in advance which).
 *
 * <p>The {@link #STORE} keeps each open story by id as an Avro {@code StoredStory} (bytes through
 * {@link AvroSerde}, so that an entry an older version wrote is dropped with a warning rather than
 * failing the task); the task loads them into a {@link StoryBook} when it starts (after its store
 * is restored), which keeps them and a candidate index in memory, and writes back only the stories
 * an article changed. Kafka Streams' record cache sits in front of the store, so a story changed
 * many times between two commits reaches the changelog once. An hourly sweep deletes the stories
 * that can take no more reports.
 */
public final class StoryProcessor implements Processor<String, ArticleReports, String, Alert> {
  public static final String STORE = "stories";

  /** The one key every article for the story stage is sent under. */
  public static final String KEY = "stories";

  /** How often the store is swept for stories that have closed. */
  static final Duration SWEEP = Duration.ofHours(1);

  private static final Logger log = LoggerFactory.getLogger(StoryProcessor.class);
  private static final AvroSerde<StoredStory> SERDE = BellwetherSerdes.storedStory();

  private final Supplier<StoryBook> books;
  private final ProcessorsMetrics meters;

  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, byte[]> store;
  private StoryBook book;

  /**
   * @param books a new, empty story book per task (a task restarted after a failure rebuilds its
   *     book from the restored store)
   */
  public StoryProcessor(Supplier<StoryBook> books, ProcessorsMetrics meters) {
    this.books = books;
    this.meters = meters;
  }

  /**
   * The store this processor needs: changelogged RocksDB with Kafka Streams' record cache in front.
   */
  public static StoreBuilder<KeyValueStore<String, byte[]>> storeBuilder() {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
        .withCachingEnabled();
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.store = context.getStateStore(STORE);
    this.book = books.get();
    List<String> unreadable = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> all = store.all()) {
      all.forEachRemaining(
          kv -> {
            try {
              book.load(StoryRecords.tracked(SERDE.deserializer().deserialize(STORE, kv.value)));
            } catch (SerializationException | IllegalArgumentException e) {
              unreadable.add(kv.key);
            }
          });
    }
    if (!unreadable.isEmpty()) {
      // entries an older version wrote (stories by signature key, before ADR 0011)
      log.warn(
          "Dropped {} story entries this version cannot read (written before stories were kept"
              + " by id); their stories start again with their next article",
          unreadable.size());
      unreadable.forEach(store::delete);
    }
    context.schedule(SWEEP, PunctuationType.WALL_CLOCK_TIME, now -> sweep());
  }

  @Override
  public void close() {
    book = null;
  }

  /** Deletes the stories that can take no more reports by the latest publication time seen. */
  void sweep() {
    book.expire().forEach(store::delete);
  }

  /**
   * What the story stage needs of a tagged article, read where it is tagged so that neither the
   * text nor the reading of it goes through the one story task: a report per event, its evidence.
   */
  public static ArticleReports reportsOf(TaggedArticle tagged) {
    return StoryRecords.reportsOf(tagged);
  }

  @Override
  public void process(Record<String, ArticleReports> record) {
    ArticleReports input = record.value();
    if (input == null || input.getReports().isEmpty()) {
      return;
    }
    List<Report> reports = new ArrayList<>(input.getReports().size());
    Map<Report, Evidence> evidence = new IdentityHashMap<>();
    for (int i = 0; i < input.getReports().size(); i++) {
      Report r = StoryRecords.report(input.getReports().get(i));
      reports.add(r);
      evidence.put(r, input.getEvidence().get(i));
    }
    StoryBook.Outcome outcome = book.add(reports);
    outcome.merged().keySet().forEach(store::delete);
    List<KeyValue<String, byte[]>> puts = new ArrayList<>();
    for (TrackedStory t : outcome.changed()) {
      puts.add(KeyValue.pair(t.id(), SERDE.serializer().serialize(STORE, StoryRecords.stored(t))));
    }
    store.putAll(puts);
    for (StoryAlert decided : outcome.alerts()) {
      Alert alert = StoryAlerts.alert(decided, evidence.get(decided.trigger()));
      meters.alertPublished(alert, input.getDiscovered());
      context.forward(record.withKey(alert.getStoryId()).withValue(alert));
    }
  }
}
