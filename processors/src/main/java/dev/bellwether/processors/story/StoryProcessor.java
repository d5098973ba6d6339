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
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adds each tagged event to its story and alerts on the stories a watchlist rule matches. Input:
 * one event per record (a tagged article whose events list holds just that event), keyed by its
 * {@link StoryKeys signature key}, so that every event that could join a story reaches the task
 * that holds it. The {@link #STORE} keeps, per signature key, the stories still open.
 *
 * <p>A story alerts {@code NEW} the first time it matches a rule (its first report, or a later one
 * that brings the amount a rule asks for), then {@code UPDATE} whenever it gains a source, a
 * confirmed or changed fact or a status change; never a second {@code NEW}. Alert ids are the story
 * id and the alert's number, so reprocessing the same events in the same order gives the same ids.
 */
public final class StoryProcessor implements Processor<String, TaggedArticle, String, Alert> {
  public static final String STORE = "stories";

  private final StoryClusterer clusterer;
  private final Watchlist watchlist;
  private final ProcessorsMetrics meters;

  /** How often the store is swept for keys whose stories have all closed. */
  static final Duration SWEEP = Duration.ofHours(1);

  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, List<TrackedStory>> store;
  // the latest publication time this task has seen: the stories' own clock
  private Instant latest = Instant.EPOCH;

  public StoryProcessor(StoryClusterer clusterer, Watchlist watchlist, ProcessorsMetrics meters) {
    this.clusterer = clusterer;
    this.watchlist = watchlist;
    this.meters = meters;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.store = context.getStateStore(STORE);
    context.schedule(SWEEP, PunctuationType.WALL_CLOCK_TIME, now -> sweep());
  }

  /**
   * Drops the stories that can take no more sources by the latest publication time seen, and the
   * keys left with none, so that a key no later event touches does not keep its stories forever.
   */
  private void sweep() {
    if (latest.equals(Instant.EPOCH)) {
      return; // nothing seen since start: no clock to judge by yet
    }
    List<String> empty = new ArrayList<>();
    List<KeyValue<String, List<TrackedStory>>> shrunk = new ArrayList<>();
    try (KeyValueIterator<String, List<TrackedStory>> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, List<TrackedStory>> entry = all.next();
        List<TrackedStory> open =
            entry.value.stream().filter(t -> !clusterer.isClosed(t.story(), latest)).toList();
        if (open.isEmpty()) {
          empty.add(entry.key);
        } else if (open.size() < entry.value.size()) {
          shrunk.add(KeyValue.pair(entry.key, open));
        }
      }
    }
    empty.forEach(store::delete);
    shrunk.forEach(kv -> store.put(kv.key, kv.value));
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
    List<TrackedStory> shelf = open(store.get(record.key()), report.published());
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
    store.put(record.key(), shelfWith(shelf, tracked));
    alert.ifPresent(
        a -> {
          meters.alertPublished(a, article.getDiscovered());
          context.forward(record.withKey(a.getStoryId()).withValue(a));
        });
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

  /** The stories of the shelf that can still take a source published at {@code now}. */
  private List<TrackedStory> open(List<TrackedStory> shelf, Instant now) {
    if (shelf == null) {
      return List.of();
    }
    Instant latest = now;
    for (TrackedStory t : shelf) {
      latest = t.story().lastUpdated().isAfter(latest) ? t.story().lastUpdated() : latest;
    }
    Instant streamNow = latest;
    return shelf.stream().filter(t -> !clusterer.isClosed(t.story(), streamNow)).toList();
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
