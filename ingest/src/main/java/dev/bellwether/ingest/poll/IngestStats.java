package dev.bellwether.ingest.poll;

import java.util.Map;

/**
 * A snapshot of what an {@link IngestWorker} has done, for the metrics the ops issue exposes.
 *
 * @param sources statistics of each source this instance polls now, by source id
 * @param refusals fetches refused by our own policies since start, by kind ({@code
 *     BLOCKED_ADDRESS}, {@code BAD_SCHEME}, {@code TOO_LARGE}, {@code TOO_MANY_REDIRECTS}, {@code
 *     ROBOTS_DISALLOWED})
 */
public record IngestStats(Map<String, SourceStats> sources, Map<String, Long> refusals) {
  public IngestStats {
    sources = Map.copyOf(sources);
    refusals = Map.copyOf(refusals);
  }

  /** Refusals of one kind. */
  public long refusals(String kind) {
    return refusals.getOrDefault(kind, 0L);
  }
}
