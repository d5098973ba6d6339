package dev.bellwether.ingest.poll;

import dev.bellwether.ingest.http.FetchException;
import dev.bellwether.ingest.http.HostThrottle;
import dev.bellwether.ingest.http.PolitenessSettings;
import dev.bellwether.ingest.source.SourceDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The sources one ingest instance polls, when each is due ({@link PollSchedule}), its statistics
 * ({@link SourceStats}) and the per-host rate limits ({@link HostThrottle}). {@link IngestWorker}
 * drives it: {@link #takeDue} on the consumer thread, {@link #record} from the poll threads. Public
 * for the polling benchmark. Thread-safe.
 */
public final class SourceScheduler {
  private static final class Entry {
    final SourceDefinition definition;
    final int partition;
    PollSchedule schedule;
    SourceStats stats;
    long @Nullable [] seen;

    Entry(SourceDefinition definition, int partition, PollSchedule schedule) {
      this.definition = definition;
      this.partition = partition;
      this.schedule = schedule;
      this.stats = SourceStats.initial(schedule);
    }
  }

  private final PolitenessSettings settings;
  private final HostThrottle throttle;
  private final DoubleSupplier jitter;
  private final Map<String, Entry> sources = new HashMap<>();
  private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();

  /**
   * @param jitter uniform random numbers in [0, 1) for the jitter of backoffs
   */
  public SourceScheduler(PolitenessSettings settings, DoubleSupplier jitter) {
    this.settings = settings;
    this.throttle = new HostThrottle(settings);
    this.jitter = jitter;
  }

  public PolitenessSettings settings() {
    return settings;
  }

  /**
   * Adds or updates a source. A new or changed definition is due at once; an unchanged one keeps
   * its schedule, and a changed one keeps its statistics.
   *
   * @return whether anything changed
   */
  public synchronized boolean put(SourceDefinition definition, int partition, Instant now) {
    Entry previous = sources.get(definition.id());
    if (previous != null && previous.definition.equals(definition)) {
      if (previous.partition != partition) {
        sources.put(definition.id(), moved(previous, definition, partition, previous.schedule));
      }
      return false;
    }
    PollSchedule schedule =
        previous == null
            ? PollSchedule.first(definition, now)
            : new PollSchedule(previous.schedule.interval(), 0, now).within(definition);
    sources.put(definition.id(), moved(previous, definition, partition, schedule));
    return true;
  }

  private static Entry moved(
      @Nullable Entry previous, SourceDefinition definition, int partition, PollSchedule schedule) {
    Entry entry = new Entry(definition, partition, schedule);
    if (previous != null) {
      entry.stats = previous.stats;
      entry.seen = previous.definition.url().equals(definition.url()) ? previous.seen : null;
    }
    return entry;
  }

  /** Removes a source; whether it was there. */
  public synchronized boolean remove(String id) {
    return sources.remove(id) != null;
  }

  /**
   * Removes a source on a tombstone read from {@code partition}, unless the source now lives on
   * another partition: a source whose type moved it (EDGAR sources share one partition) gets a
   * tombstone on its old partition that must not remove the new definition.
   */
  public synchronized boolean removeFrom(String id, int partition) {
    Entry entry = sources.get(id);
    if (entry == null || entry.partition != partition) {
      return false;
    }
    sources.remove(id);
    return true;
  }

  /** Removes the sources of the given partitions and returns their ids. */
  public synchronized List<String> removePartitions(Set<Integer> partitions) {
    List<String> removed = new ArrayList<>();
    sources
        .values()
        .removeIf(e -> partitions.contains(e.partition) && removed.add(e.definition.id()));
    return removed;
  }

  public synchronized Set<String> ids() {
    return Set.copyOf(sources.keySet());
  }

  public synchronized int size() {
    return sources.size();
  }

  /**
   * The sources due at {@code now} whose host allows a request now, skipping those {@code busy}
   * says are being polled. A due source whose host is rate-limited is put off until the host allows
   * it.
   */
  public synchronized List<SourceDefinition> takeDue(Instant now, Predicate<String> busy) {
    List<SourceDefinition> due = new ArrayList<>();
    for (Entry entry : sources.values()) {
      if (now.isBefore(entry.schedule.due()) || busy.test(entry.definition.id())) {
        continue;
      }
      Optional<Instant> later = throttle.tryAcquire(host(entry.definition), now);
      if (later.isPresent()) {
        entry.schedule = entry.schedule.notBefore(later.get());
      } else {
        due.add(entry.definition);
      }
    }
    return due;
  }

  /** Updates schedule, statistics, host limits and refusal counts from a finished poll. */
  public synchronized void record(PollAttempt attempt, Instant now) {
    SourceDefinition polled = attempt.result().source();
    String host = host(polled);
    if (attempt.crawlDelay() != null) {
      throttle.crawlDelay(host, attempt.crawlDelay());
    }
    if (attempt.retryAfter() != null) {
      throttle.pauseUntil(host, boundedRetryAfter(attempt.retryAfter(), now));
    }
    countRefusal(attempt.result());
    Entry entry = sources.get(polled.id());
    if (entry == null || !entry.definition.equals(polled)) {
      return; // removed or changed while it was polled; the new definition has its own schedule
    }
    int fresh = -1;
    if (attempt.result() instanceof PollResult.Fetched) {
      long[] prints = ItemFingerprints.of(((PollResult.Fetched) attempt.result()).items());
      fresh = ItemFingerprints.countNew(entry.seen, prints);
      entry.seen = prints;
    } else if (attempt.result() instanceof PollResult.NotModified) {
      fresh = 0;
    }
    entry.schedule = next(entry, attempt, fresh, now);
    entry.stats = entry.stats.after(attempt, fresh, entry.schedule);
  }

  private PollSchedule next(Entry entry, PollAttempt attempt, int fresh, Instant now) {
    if (!(attempt.result() instanceof PollResult.Failed)) {
      return entry.schedule.afterSuccess(entry.definition, fresh, now);
    }
    PollResult.Failed failed = (PollResult.Failed) attempt.result();
    return entry.schedule.afterFailure(
        entry.definition,
        failed.retriable(),
        attempt.retryAfter(),
        now,
        jitter.getAsDouble(),
        settings);
  }

  private Instant boundedRetryAfter(Instant retryAfter, Instant now) {
    Instant latest = now.plus(settings.maxRetryAfter());
    return retryAfter.isAfter(latest) ? latest : retryAfter;
  }

  private void countRefusal(PollResult result) {
    if (result instanceof PollResult.Failed && isRefusal(((PollResult.Failed) result).kind())) {
      refusals
          .computeIfAbsent(((PollResult.Failed) result).kind(), k -> new LongAdder())
          .increment();
    }
  }

  private static boolean isRefusal(String kind) {
    for (FetchException.Kind known : FetchException.Kind.values()) {
      if (known.name().equals(kind)) {
        return known.isRefusal();
      }
    }
    return false;
  }

  /** A snapshot of every source's statistics and the refusal counts. */
  public synchronized IngestStats stats() {
    Map<String, SourceStats> bySource = new TreeMap<>();
    sources.forEach((id, entry) -> bySource.put(id, entry.stats.scheduled(entry.schedule)));
    Map<String, Long> refused = new TreeMap<>();
    refusals.forEach((kind, count) -> refused.put(kind, count.sum()));
    return new IngestStats(bySource, refused);
  }

  private static String host(SourceDefinition source) {
    return source.url().getHost().toLowerCase(Locale.ROOT);
  }
}
