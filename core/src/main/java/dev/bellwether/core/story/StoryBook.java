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
import org.jspecify.annotations.Nullable;

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
 * never a second {@code NEW}. When stories merge, the one that has alerted keeps its id. An event
 * an article tells only in passing (not its first event, and none of its organizations in the
 * title: an earlier round, a past acquisition) starts a story that stays quiet until another report
 * joins it: background is told far more often than it is news.
 */
public final class StoryBook {
  /** The default lateness: reports may arrive up to a week after later ones. */
  public static final Duration DEFAULT_LATENESS = Duration.ofDays(7);

  private final StoryClusterer clusterer;
  private final Watchlist watchlist;
  private final Duration lateness;
  private final Map<String, TrackedStory> open = new LinkedHashMap<>();
  // name ("o:nvidia", "t:tel") → day (epoch day of a report's publication) → story ids
  private final Map<String, Map<Long, Set<String>>> index = new HashMap<>();
  // absorbed story id → the id it was merged into: index entries of reports a story cites only as
  // sources are not moved on a merge (the story no longer has them), so they are followed here
  private final Map<String, String> aliases = new HashMap<>();
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
    aliases.clear();
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
    List<Report> events = onePerEvent(reportsOfOneArticle);
    for (int i = 0; i < events.size(); i++) {
      Report r = events.get(i);
      latest = later(latest, r.published());
      List<Story> joined = clusterer.joined(r, candidates(r));
      TrackedStory after;
      Optional<StoryAlert> alert;
      if (joined.isEmpty()) {
        after = TrackedStory.quiet(Story.start(r));
        alert =
            i > 0 && !r.inTitle()
                ? Optional.empty() // told in passing: it alerts once another report confirms it
                : announce(after, r, "first report: " + r.outlet());
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
            aliases.put(other.id(), survivor.id());
            changed.remove(other.id());
            open.remove(other.id());
            reindex(other.story(), other.id(), survivor.id());
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
      }
      if (alert.isPresent()) {
        after = alert.get().tracked();
        alerts.add(alert.get());
      }
      open.put(after.id(), after);
      index(r, after.id());
      changed.put(after.id(), after);
    }
    return new Outcome(List.copyOf(changed.values()), mergedInto, alerts);
  }

  /**
   * Drops the stories that can take no more reports by the latest publication time seen, allowing
   * the lateness, and their index entries; returns their ids.
   */
  public List<String> expire() {
    List<TrackedStory> closed =
        open.values().stream()
            .filter(t -> clusterer.isClosed(t.story(), latest, lateness))
            .toList();
    closed.forEach(this::remove);
    // entries of reports a full story keeps only as sources outlive its reports: drop every entry
    // of a story no longer open
    index
        .values()
        .removeIf(
            days -> {
              days.values()
                  .removeIf(
                      ids -> {
                        ids.removeIf(id -> !open.containsKey(id));
                        return ids.isEmpty();
                      });
              return days.isEmpty();
            });
    aliases.keySet().removeIf(id -> resolve(id) == null);
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

  /**
   * The open stories that may hold a report linked with this one: those with a report published
   * within the window of it that shares an organization or a salient term with it, found through
   * the index (name and day → story ids), so a report is compared with the stories of its days that
   * share a name with it, not with every open story.
   */
  private List<Story> candidates(Report r) {
    Set<String> ids = new LinkedHashSet<>();
    long window = clusterer.window().toMillis();
    long from = day(r.published().toEpochMilli() - window);
    long to = day(r.published().toEpochMilli() + window);
    for (String name : names(r)) {
      Map<Long, Set<String>> days = index.get(name);
      if (days != null) {
        for (long d = from; d <= to; d++) {
          Set<String> found = days.get(d);
          if (found != null) {
            ids.addAll(found);
          }
        }
      }
    }
    if (ids.isEmpty() && names(r).isEmpty()) {
      // a report re-delivered with no names still finds the story holding it
      open.values().stream().filter(t -> t.story().holds(r)).forEach(t -> ids.add(t.id()));
    }
    List<Story> out = new ArrayList<>(ids.size());
    Instant earliest = r.published().minus(clusterer.window());
    Instant latestLinkable = r.published().plus(clusterer.window());
    Set<String> seen = new LinkedHashSet<>();
    for (String id : ids) {
      TrackedStory t = resolve(id);
      if (t == null || !seen.add(t.id())) {
        continue;
      }
      Story s = t.story();
      if (!s.lastUpdated().isBefore(earliest) && !s.firstSeen().isAfter(latestLinkable)
          || s.holds(r)) {
        out.add(s);
      }
    }
    return out;
  }

  /** The open story with this id, or the one it was merged into; null when none is open. */
  private @Nullable TrackedStory resolve(String id) {
    String at = id;
    for (int hops = 0; hops <= aliases.size(); hops++) {
      TrackedStory t = open.get(at);
      if (t != null) {
        return t;
      }
      at = aliases.get(at);
      if (at == null) {
        return null;
      }
    }
    return null;
  }

  /**
   * The names a report is indexed by: its organizations ("o:") and its telling salient terms ("t:",
   * weight at least {@value #INDEXED_TERM_WEIGHT}). Two reports that share only common terms
   * ("China", "Nvidia" as a word) cannot reach the evidence of a link, so those terms would only
   * widen the candidates; whether two reports are compared depends on the two alone, so the
   * grouping still does not depend on order.
   */
  private static List<String> names(Report r) {
    List<String> names = new ArrayList<>(r.organizations().size() + r.terms().size());
    r.organizations().forEach(o -> names.add("o:" + o));
    TermWeights weights = TermWeights.builtIn();
    for (String t : r.terms()) {
      if (weights.weight(t) >= INDEXED_TERM_WEIGHT) {
        names.add("t:" + t);
      }
    }
    return names;
  }

  /** The weight from which a salient term is indexed ({@link TermWeights}). */
  static final double INDEXED_TERM_WEIGHT = 0.5;

  private static long day(long epochMillis) {
    return Math.floorDiv(epochMillis, 86_400_000L);
  }

  /** Indexes a report as one of the story's: each of its names on its day. */
  private void index(Report r, String id) {
    long d = day(r.published().toEpochMilli());
    for (String name : names(r)) {
      index
          .computeIfAbsent(name, k -> new HashMap<>())
          .computeIfAbsent(d, k -> new LinkedHashSet<>())
          .add(id);
    }
  }

  /** Moves a story's index entries to another id (null: removes them). */
  private void reindex(Story story, String from, @Nullable String to) {
    for (Report m : story.members()) {
      long d = day(m.published().toEpochMilli());
      for (String name : names(m)) {
        Map<Long, Set<String>> days = index.get(name);
        Set<String> ids = days == null ? null : days.get(d);
        if (ids != null) {
          ids.remove(from);
          if (to != null) {
            ids.add(to);
          } else if (ids.isEmpty()) {
            days.remove(d);
            if (days.isEmpty()) {
              index.remove(name);
            }
          }
        }
      }
    }
  }

  private void put(TrackedStory t) {
    open.put(t.id(), t);
    t.story().members().forEach(m -> index(m, t.id()));
  }

  private void remove(TrackedStory t) {
    open.remove(t.id());
    reindex(t.story(), t.id(), null);
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
