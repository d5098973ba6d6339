package dev.bellwether.processors.story;

import dev.bellwether.core.story.AlertKind;
import dev.bellwether.core.story.Assignment;
import dev.bellwether.core.story.Report;
import dev.bellwether.core.story.Story;
import dev.bellwether.core.story.StoryClusterer;
import dev.bellwether.core.story.StoryEvent;
import dev.bellwether.core.watchlist.WatchRule;
import dev.bellwether.core.watchlist.Watchlist;
import dev.bellwether.processors.metrics.ProcessorsMetrics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.TaggedArticle;
import dev.bellwether.schemas.avro.TaggedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds each tagged event to its story and alerts on the stories a watchlist rule matches. Input:
 * one event per record (a tagged article whose events list holds just that event), keyed by its
 * {@link StoryKeys signature key}, so that every event that could join a story reaches the task
 * that holds it.
 *
 * <p>The {@link #STORE} keeps each open story under its signature key, a unit separator (U+001F)
 * and its id ({@link StoryCodec}, format 2), so that adding a source rewrites that story alone, and
 * a prefix scan of the signature key finds the stories an event may join. A {@link ShelfCache}
 * keeps the recently used keys' stories as objects. Entries of format 1 (one JSON shelf per
 * signature key, {@link StoryShelfSerde}) are rewritten as format 2 when their key is next touched
 * or swept.
 *
 * <p>A story alerts {@code NEW} the first time it matches a rule (its first report, or a later one
 * that brings the amount a rule asks for), then {@code UPDATE} whenever it gains a source, a
 * confirmed or changed fact or a status change; never a second {@code NEW}. Alert ids are the story
 * id and the alert's number, so reprocessing the same events in the same order gives the same ids.
 */
public final class StoryProcessor implements Processor<String, TaggedArticle, String, Alert> {
  public static final String STORE = "stories";

  /** Between a signature key and a story id in the store's keys (ASCII unit separator). */
  static final String SEPARATOR = "\u001f";

  /** Stories a task keeps as objects (a few KiB each), beyond those in RocksDB. */
  static final int CACHED_STORIES = 2048;

  /** How often the store is swept for stories that have closed. */
  static final Duration SWEEP = Duration.ofHours(1);

  private static final StringSerializer PREFIX = new StringSerializer();

  private final StoryClusterer clusterer;
  private final Watchlist watchlist;
  private final ProcessorsMetrics meters;
  private final ShelfCache cache = new ShelfCache(CACHED_STORIES);

  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, byte[]> store;
  // the latest publication time this task has seen: the stories' own clock
  private Instant latest = Instant.EPOCH;

  public StoryProcessor(StoryClusterer clusterer, Watchlist watchlist, ProcessorsMetrics meters) {
    this.clusterer = clusterer;
    this.watchlist = watchlist;
    this.meters = meters;
  }

  /**
   * The store this processor needs: changelogged RocksDB with Kafka Streams' record cache in front,
   * so that a story written many times between two commits reaches the changelog once.
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
    // a task (re)started after a failure has its store restored: nothing cached may outlive that
    cache.clear();
    context.schedule(SWEEP, PunctuationType.WALL_CLOCK_TIME, now -> sweep());
  }

  @Override
  public void close() {
    cache.clear();
  }

  /**
   * Deletes the stories that can take no more sources by the latest publication time seen, so that
   * a key no later event touches does not keep its stories forever, and rewrites any format-1
   * entry.
   */
  private void sweep() {
    if (latest.equals(Instant.EPOCH)) {
      return; // nothing seen since start: no clock to judge by yet
    }
    cache.clear();
    List<String> deletes = new ArrayList<>();
    List<KeyValue<String, byte[]>> puts = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, byte[]> entry = all.next();
        if (entry.key.contains(SEPARATOR)) {
          if (clusterer.isClosed(StoryCodec.decode(entry.value).story(), latest)) {
            deletes.add(entry.key);
          }
        } else {
          for (TrackedStory t : StoryShelfSerde.shelf(entry.value)) {
            if (!clusterer.isClosed(t.story(), latest)) {
              puts.add(KeyValue.pair(storeKey(entry.key, t), StoryCodec.encode(t)));
            }
          }
          deletes.add(entry.key);
        }
      }
    }
    deletes.forEach(store::delete);
    puts.forEach(kv -> store.put(kv.key, kv.value));
  }

  @Override
  public void process(Record<String, TaggedArticle> record) {
    TaggedArticle tagged = record.value();
    if (tagged == null || tagged.getEvents().isEmpty()) {
      return;
    }
    TaggedEvent event = tagged.getEvents().get(0);
    Optional<StoryEvent> storyEvent = StoryKeys.storyEvent(event);
    if (storyEvent.isEmpty()) {
      return;
    }
    Article article = tagged.getArticle();
    Report report =
        Report.of(
            article.getId(),
            article.getOutlet(),
            article.getUrl(),
            published(article),
            article.getTitle(),
            article.getText(),
            storyEvent.get());
    latest = report.published().isAfter(latest) ? report.published() : latest;
    String key = record.key();
    List<TrackedStory> shelf = open(key, held(key), report.published());
    Assignment assignment =
        clusterer.assign(report, shelf.stream().map(TrackedStory::story).toList());
    TrackedStory tracked =
        assignment.before() == null
            ? new TrackedStory(
                assignment.after(),
                article.getTitle(),
                StoryAlerts.summary(article.getText()),
                null,
                0,
                0)
            : find(shelf, assignment.before()).with(assignment.after());
    Optional<Alert> alert = alertFor(tracked, assignment, tagged, event);
    if (alert.isPresent()) {
      tracked = tracked.alerted(alert.get().getRuleId(), alert.get().getRuleVersion());
    }
    store.put(storeKey(key, tracked), StoryCodec.encode(tracked));
    cache.put(key, shelfWith(shelf, tracked));
    alert.ifPresent(
        a -> {
          meters.alertPublished(a, article.getDiscovered());
          context.forward(record.withKey(a.getStoryId()).withValue(a));
        });
  }

  /**
   * Every story the store holds under the signature key: from the cache, else by a prefix scan (and
   * a format-1 shelf under the bare key, rewritten as format 2).
   */
  private List<TrackedStory> held(String key) {
    List<TrackedStory> cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    List<TrackedStory> held = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> stories = store.prefixScan(key + SEPARATOR, PREFIX)) {
      stories.forEachRemaining(kv -> held.add(StoryCodec.decode(kv.value)));
    }
    byte[] formatOne = store.get(key);
    if (formatOne != null) {
      for (TrackedStory t : StoryShelfSerde.shelf(formatOne)) {
        if (held.stream().noneMatch(h -> h.story().id().equals(t.story().id()))) {
          store.put(storeKey(key, t), StoryCodec.encode(t));
          held.add(t);
        }
      }
      store.delete(key);
    }
    cache.put(key, held);
    return held;
  }

  /**
   * The stories of the key that can still take a source published at {@code now}; those that cannot
   * are deleted from the store.
   */
  private List<TrackedStory> open(String key, List<TrackedStory> held, Instant now) {
    Instant latest = now;
    for (TrackedStory t : held) {
      latest = t.story().lastUpdated().isAfter(latest) ? t.story().lastUpdated() : latest;
    }
    List<TrackedStory> open = new ArrayList<>(held.size());
    for (TrackedStory t : held) {
      if (clusterer.isClosed(t.story(), latest)) {
        store.delete(storeKey(key, t));
      } else {
        open.add(t);
      }
    }
    return open;
  }

  static String storeKey(String signatureKey, TrackedStory tracked) {
    return signatureKey + SEPARATOR + tracked.story().id();
  }

  /**
   * The alert the assignment warrants, if any: {@code NEW} when the grown story first matches a
   * rule, {@code UPDATE} when a story that has alerted gains something.
   */
  private Optional<Alert> alertFor(
      TrackedStory tracked, Assignment assignment, TaggedArticle tagged, TaggedEvent event) {
    Story story = tracked.story();
    if (tracked.hasAlerted()) {
      if (assignment.decision().kind() != AlertKind.UPDATE) {
        return Optional.empty();
      }
      WatchRule rule =
          watchlist.rules().stream()
              .filter(r -> r.id().equals(tracked.ruleId()))
              .findFirst()
              .orElse(null);
      return Optional.of(
          StoryAlerts.alert(
              tracked,
              dev.bellwether.schemas.avro.AlertKind.UPDATE,
              assignment.decision().reason(),
              event,
              tracked.ruleId(),
              rule == null ? dev.bellwether.core.watchlist.Severity.MEDIUM : rule.severity(),
              tracked.ruleVersion()));
    }
    if (assignment.decision().kind() == AlertKind.NOTHING) {
      return Optional.empty();
    }
    return watchlist
        .firstMatch(story.type(), story.status(), story.companies(), story.facts())
        .map(
            rule ->
                StoryAlerts.alert(
                    tracked,
                    dev.bellwether.schemas.avro.AlertKind.NEW,
                    assignment.before() == null
                        ? "first report: " + tagged.getArticle().getOutlet()
                        : assignment.decision().reason() + "; now matches rule " + rule.id(),
                    event,
                    rule.id(),
                    rule.severity(),
                    watchlist.version()));
  }

  private static TrackedStory find(List<TrackedStory> shelf, Story story) {
    return shelf.stream()
        .filter(t -> t.story().id().equals(story.id()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("story " + story.id() + " is not open"));
  }

  private static List<TrackedStory> shelfWith(List<TrackedStory> shelf, TrackedStory tracked) {
    List<TrackedStory> out = new ArrayList<>();
    boolean replaced = false;
    for (TrackedStory t : shelf) {
      if (t.story().id().equals(tracked.story().id())) {
        out.add(tracked);
        replaced = true;
      } else {
        out.add(t);
      }
    }
    if (!replaced) {
      out.add(tracked);
    }
    return out;
  }

  private static Instant published(Article article) {
    return article.getPublished() != null ? article.getPublished() : article.getDiscovered();
  }
}
