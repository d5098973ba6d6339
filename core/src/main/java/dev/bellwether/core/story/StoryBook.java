package dev.bellwether.core.story;

import dev.bellwether.core.watchlist.WatchRule;
import dev.bellwether.core.watchlist.Watchlist;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The open stories of the story stage and its alert policy, pure: a processor loads what its store
 * holds, hands over each article's reports, and writes back what changed and publishes the alerts
 * returned. Not thread-safe.
 *
 * <p>A report joins every open story it is linked with ({@link StoryClusterer}), merging them into
 * one when it links several; so the stories are the connected groups of linked reports and do not
 * depend on arrival order, for reports that arrive at most {@link #lateness()} after later ones.
 * Candidate stories are found through an index from each organization and salient term of their
 * reports, so a report is compared only with stories that share a name with it.
 *
 * <p>Alerts: a story alerts {@code NEW} the first time it matches a watchlist rule (its first
 * report, or a later one that brings what the rule asks for), then {@code UPDATE} whenever it gains
 * a source, a confirmed or changed fact, a status or type change, or merges with another story;
 * never a second {@code NEW}. When stories merge, the one that has alerted keeps its id.
 */
public final class StoryBook {
  /** The default lateness: reports may arrive up to a week after later ones. */
  public static final Duration DEFAULT_LATENESS = Duration.ofDays(7);

  private final StoryClusterer clusterer;
  private final Watchlist watchlist;
  private final Duration lateness;
  private final Map<String, TrackedStory> open = new LinkedHashMap<>();
  private final Map<String, Set<String>> index = new HashMap<>();
  private Instant latest = Instant.EPOCH;

  public StoryBook(StoryClusterer clusterer, Watchlist watchlist, Duration lateness) {
    this.clusterer = Objects.requireNonNull(clusterer, "clusterer");
    this.watchlist = Objects.requireNonNull(watchlist, "watchlist");
    if (lateness.isNegative()) {
      throw new IllegalArgumentException("the lateness cannot be negative, not " + lateness);
    }
    this.lateness = lateness;
  }

  public Duration lateness() {
    return lateness;
  }

  /** The latest publication time seen: the stories' own clock. */
  public Instant latest() {
    return latest;
  }

  /** Takes a story kept earlier (a processor's store, read at start). */
  public void load(TrackedStory tracked) {
    put(tracked);
    latest = later(latest, tracked.story().lastUpdated());
  }

  /** Forgets every story (a processor whose store is about to be restored). */
  public void clear() {
    open.clear();
    index.clear();
    latest = Instant.EPOCH;
  }

  /** The open stories. */
  public Collection<TrackedStory> stories() {
    return List.copyOf(open.values());
  }

  /** An open story by id. */
  public Optional<TrackedStory> story(String id) {
    return Optional.ofNullable(open.get(id));
  }

  /**
   * Adds the reports of one article: each joins or starts a story. Reports of the same article
   * about the same organizations count as one ({@link #onePerEvent}), so that the same article
   * never starts two stories of one event.
   */
  public Outcome add(List<Report> reportsOfOneArticle) {
    Map<String, TrackedStory> changed = new LinkedHashMap<>();
    Map<String, String> mergedInto = new LinkedHashMap<>();
    List<StoryAlert> alerts = new ArrayList<>();
    for (Report r : onePerEvent(reportsOfOneArticle)) {
      latest = later(latest, r.published());
      List<Story> joined = clusterer.joined(r, candidates(r));
      TrackedStory after;
      Optional<StoryAlert> alert;
      if (joined.isEmpty()) {
        after = TrackedStory.quiet(Story.start(r));
        alert = announce(after, r, "first report: " + r.outlet());
      } else {
        List<TrackedStory> tracked = joined.stream().map(s -> open.get(s.id())).toList();
        TrackedStory survivor =
            tracked.stream().filter(TrackedStory::hasAlerted).findFirst().orElse(tracked.get(0));
        Story merged = survivor.story();
        List<String> reasons = new ArrayList<>();
        for (TrackedStory other : tracked) {
          if (other != survivor) {
            merged = merged.mergedWith(other.story());
            reasons.add("merged with story " + other.id());
            mergedInto.replaceAll((from, into) -> into.equals(other.id()) ? survivor.id() : into);
            mergedInto.put(other.id(), survivor.id());
            changed.remove(other.id());
            remove(other);
          }
        }
        Story grown = merged.with(r);
        AlertDecision decision = AlertDecision.of(survivor.story(), grown);
        if (decision.kind() == AlertKind.UPDATE) {
          reasons.add(0, decision.reason());
        }
        if (reasons.isEmpty()) {
          continue; // the same article again: nothing changes
        }
        after = survivor.with(grown);
        alert =
            after.hasAlerted()
                ? Optional.of(update(after, r, String.join("; ", reasons)))
                : announce(after, r, String.join("; ", reasons));
        remove(survivor);
      }
      if (alert.isPresent()) {
        after = alert.get().tracked();
        alerts.add(alert.get());
      }
      put(after);
      changed.put(after.id(), after);
    }
    return new Outcome(List.copyOf(changed.values()), mergedInto, alerts);
  }

  /**
   * Drops the stories that can take no more reports by the latest publication time seen, allowing
   * the lateness; returns their ids.
   */
  public List<String> expire() {
    List<TrackedStory> closed =
        open.values().stream()
            .filter(t -> clusterer.isClosed(t.story(), latest, lateness))
            .toList();
    closed.forEach(this::remove);
    return closed.stream().map(TrackedStory::id).toList();
  }

  private Optional<StoryAlert> announce(TrackedStory tracked, Report trigger, String why) {
    Story s = tracked.story();
    Optional<WatchRule> rule =
        watchlist.firstMatch(s.type(), s.status(), s.companies(), s.facts(), s.aiContext());
    return rule.map(
        x -> {
          TrackedStory alerted = tracked.alerted(x.id(), watchlist.version());
          String reason =
              tracked.story().sources().size() == 1 ? why : why + "; now matches rule " + x.id();
          return new StoryAlert(
              alerted, AlertKind.NEW, reason, x.id(), x.severity(), watchlist.version(), trigger);
        });
  }

  private StoryAlert update(TrackedStory tracked, Report trigger, String why) {
    String ruleId = Objects.requireNonNull(tracked.ruleId());
    WatchRule rule =
        watchlist.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElse(null);
    TrackedStory counted = tracked.alerted(ruleId, tracked.ruleVersion());
    return new StoryAlert(
        counted,
        AlertKind.UPDATE,
        why,
        ruleId,
        rule == null ? dev.bellwether.core.watchlist.Severity.MEDIUM : rule.severity(),
        tracked.ruleVersion(),
        trigger);
  }

  /**
   * The reports of one article that may each join or start a story: the first the tagger found (the
   * headline's event, usually), and after it only those that share no organization with one kept
   * before. An article that calls an investment both a stake purchase and a partnership, or an IPO
   * both a listing and a raise, tells one story; a round-up of unrelated deals tells several.
   */
  static List<Report> onePerEvent(List<Report> reports) {
    List<Report> kept = new ArrayList<>();
    for (Report r : reports) {
      if (kept.stream().noneMatch(k -> sharesOrganization(k, r))) {
        kept.add(r);
      }
    }
    return kept;
  }

  private static boolean sharesOrganization(Report a, Report b) {
    Set<String> shared = new TreeSet<>(a.organizations());
    shared.retainAll(b.organizations());
    return !shared.isEmpty() || a.organizations().isEmpty() || b.organizations().isEmpty();
  }

  private List<Story> candidates(Report r) {
    Set<String> ids = new LinkedHashSet<>();
    for (String key : keys(r)) {
      ids.addAll(index.getOrDefault(key, Set.of()));
    }
    // a report re-delivered with no names still finds the story holding it
    open.values().stream()
        .filter(t -> ids.isEmpty() && t.story().holds(r))
        .forEach(t -> ids.add(t.id()));
    return ids.stream().map(open::get).map(TrackedStory::story).toList();
  }

  private static Set<String> keys(Report r) {
    Set<String> keys = new LinkedHashSet<>();
    r.organizations().forEach(o -> keys.add("o:" + o));
    r.terms().forEach(t -> keys.add("t:" + t));
    return keys;
  }

  private static Set<String> keys(Story s) {
    Set<String> keys = new LinkedHashSet<>();
    s.members().forEach(m -> keys.addAll(keys(m)));
    return keys;
  }

  private void put(TrackedStory t) {
    open.put(t.id(), t);
    for (String key : keys(t.story())) {
      index.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(t.id());
    }
  }

  private void remove(TrackedStory t) {
    open.remove(t.id());
    for (String key : keys(t.story())) {
      Set<String> ids = index.get(key);
      if (ids != null) {
        ids.remove(t.id());
        if (ids.isEmpty()) {
          index.remove(key);
        }
      }
    }
  }

  private static Instant later(Instant a, Instant b) {
    return b.isAfter(a) ? b : a;
  }

  /**
   * What adding an article did: the stories to write (new or grown), the stories merged into others
   * (to delete: id → the id of the story it is now part of), and the alerts to publish, in order.
   */
  public record Outcome(
      List<TrackedStory> changed, Map<String, String> merged, List<StoryAlert> alerts) {
    public Outcome {
      changed = List.copyOf(changed);
      merged = Map.copyOf(merged);
      alerts = List.copyOf(alerts);
    }
  }
}
