package dev.bellwether.dashboard;

import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertSource;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The newest alerts, in the order they arrived, indexed by id and by story. Bounded: beyond {@code
 * capacity} alerts the oldest go, and a story whose alerts have all gone is forgotten. An alert id
 * seen before is ignored, so reading the topic twice shows each alert once. Safe for one writer and
 * any number of readers; listeners hear each new alert on the writer's thread, in order.
 */
public final class AlertLog {
  /** How many alerts a dashboard keeps unless told otherwise. */
  public static final int DEFAULT_CAPACITY = 10_000;

  /** One page of alerts, newest first, and how many matched in all. */
  public record Page(List<AlertEntry> alerts, int matched) {}

  private final int capacity;
  private final ArrayDeque<AlertEntry> entries = new ArrayDeque<>();
  private final Map<String, AlertEntry> byId = new HashMap<>();
  private final Map<String, List<AlertEntry>> byStory = new HashMap<>();
  private final List<Consumer<AlertEntry>> listeners = new CopyOnWriteArrayList<>();
  private long lastSeq;
  private @Nullable Instant newestSourceTime;

  public AlertLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Adds an alert issued at {@code time}; tells the listeners.
   *
   * @return the new entry, or empty if an alert with that id is already held
   */
  public Optional<AlertEntry> add(Alert alert, Instant time) {
    AlertEntry entry;
    synchronized (this) {
      if (byId.containsKey(alert.getId())) {
        return Optional.empty();
      }
      entry = new AlertEntry(++lastSeq, time, alert);
      entries.addLast(entry);
      byId.put(alert.getId(), entry);
      byStory.computeIfAbsent(alert.getStoryId(), k -> new ArrayList<>()).add(entry);
      for (AlertSource source : alert.getSources()) {
        if (newestSourceTime == null || source.getTime().isAfter(newestSourceTime)) {
          newestSourceTime = source.getTime();
        }
      }
      while (entries.size() > capacity) {
        evict(entries.removeFirst());
      }
    }
    for (Consumer<AlertEntry> listener : listeners) {
      listener.accept(entry);
    }
    return Optional.of(entry);
  }

  /**
   * The alerts matching {@code filter} at {@code now}, newest first: at most {@code limit}, and
   * only those older than {@code beforeSeq} when given (the next page).
   */
  public synchronized Page query(AlertFilter filter, Instant now, int limit, long beforeSeq) {
    List<AlertEntry> page = new ArrayList<>(Math.min(limit, 256));
    int matched = 0;
    Iterator<AlertEntry> newestFirst = entries.descendingIterator();
    while (newestFirst.hasNext()) {
      AlertEntry e = newestFirst.next();
      if (filter.matches(e, now)) {
        matched++;
        if (e.seq() < beforeSeq && page.size() < limit) {
          page.add(e);
        }
      }
    }
    return new Page(List.copyOf(page), matched);
  }

  /**
   * The alerts after {@code afterSeq} matching {@code filter}, oldest first, at most {@code max}.
   */
  public synchronized List<AlertEntry> since(
      long afterSeq, AlertFilter filter, Instant now, int max) {
    List<AlertEntry> newer = new ArrayList<>();
    Iterator<AlertEntry> newestFirst = entries.descendingIterator();
    while (newestFirst.hasNext()) {
      AlertEntry e = newestFirst.next();
      if (e.seq() <= afterSeq) {
        break;
      }
      if (filter.matches(e, now)) {
        newer.add(e);
      }
    }
    List<AlertEntry> oldestFirst = new ArrayList<>(newer);
    java.util.Collections.reverse(oldestFirst);
    return oldestFirst.size() <= max
        ? oldestFirst
        : oldestFirst.subList(oldestFirst.size() - max, oldestFirst.size());
  }

  /** The story's alerts as held, or empty if none is. */
  public synchronized Optional<StoryView> story(String storyId) {
    List<AlertEntry> alerts = byStory.get(storyId);
    return alerts == null ? Optional.empty() : Optional.of(StoryView.of(storyId, alerts));
  }

  /** The companies named by the alerts held, sorted. */
  public synchronized List<String> companies() {
    TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    entries.forEach(e -> names.addAll(e.alert().getCompanies()));
    return List.copyOf(names);
  }

  /** The newest source time among the alerts held: where the news ends, for the trends view. */
  public synchronized Optional<Instant> newestSourceTime() {
    return Optional.ofNullable(newestSourceTime);
  }

  /** The sequence number of the newest alert, 0 before the first. */
  public synchronized long lastSeq() {
    return lastSeq;
  }

  public synchronized int size() {
    return entries.size();
  }

  public int capacity() {
    return capacity;
  }

  /**
   * Calls {@code listener} with each alert added from now on, until the returned handle is closed.
   */
  public AutoCloseable subscribe(Consumer<AlertEntry> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private void evict(AlertEntry oldest) {
    byId.remove(oldest.alert().getId());
    List<AlertEntry> story = byStory.get(oldest.alert().getStoryId());
    if (story != null) {
      story.remove(oldest);
      if (story.isEmpty()) {
        byStory.remove(oldest.alert().getStoryId());
      }
    }
  }
}
