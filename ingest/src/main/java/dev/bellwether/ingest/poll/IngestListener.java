package dev.bellwether.ingest.poll;

import java.util.Set;

/**
 * Callbacks from an {@link IngestWorker}, for metrics, dashboards and tests. Called on worker
 * threads: keep them quick and thread-safe.
 */
public interface IngestListener {
  IngestListener NONE = new IngestListener() {};

  /** The set of sources this instance polls changed (assignment, revocation, new records). */
  default void sourcesChanged(Set<String> sourceIds) {}

  /** A poll finished and its items or dead letter were handed to Kafka and acknowledged. */
  default void polled(PollResult result) {}
}
