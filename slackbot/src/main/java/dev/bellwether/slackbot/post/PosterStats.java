package dev.bellwether.slackbot.post;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the poster did, counted: by outcome, dropped by reason, and parked. */
public final class PosterStats {
  private final Map<Delivery.Outcome, AtomicLong> outcomes = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> dropped = new ConcurrentHashMap<>();
  private final AtomicLong parked = new AtomicLong();

  void count(Delivery delivery) {
    outcomes.computeIfAbsent(delivery.outcome(), o -> new AtomicLong()).incrementAndGet();
    if (delivery.outcome() == Delivery.Outcome.DROPPED) {
      dropped.computeIfAbsent(delivery.detail(), r -> new AtomicLong()).incrementAndGet();
    }
  }

  void countParked() {
    parked.incrementAndGet();
  }

  public long count(Delivery.Outcome outcome) {
    AtomicLong n = outcomes.get(outcome);
    return n == null ? 0 : n.get();
  }

  /** Dropped alerts by reason. */
  public Map<String, Long> dropped() {
    Map<String, Long> copy = new TreeMap<>();
    dropped.forEach((reason, n) -> copy.put(reason, n.get()));
    return copy;
  }

  public long parked() {
    return parked.get();
  }

  @Override
  public String toString() {
    return "posted "
        + count(Delivery.Outcome.POSTED)
        + ", replied "
        + count(Delivery.Outcome.REPLIED)
        + ", already posted "
        + count(Delivery.Outcome.ALREADY_POSTED)
        + ", dropped "
        + count(Delivery.Outcome.DROPPED)
        + ", parked "
        + parked();
  }
}
