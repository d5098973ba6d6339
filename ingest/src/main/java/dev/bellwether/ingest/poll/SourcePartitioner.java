package dev.bellwether.ingest.poll;

import dev.bellwether.ingest.source.SourceDefinition;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Chooses the partition of {@code bellwether.sources} for a source. Every {@code edgar} source goes
 * to partition {@value #EDGAR_PARTITION}; the others where Kafka's default partitioner would put
 * their key (murmur2 of the id).
 *
 * <p>Why: sec.gov allows ten requests a second per requester, across all of its machines. Kafka
 * gives each partition to exactly one ingest instance of the consumer group, so with all EDGAR
 * sources on one partition one instance polls all of them, and its in-process {@link
 * dev.bellwether.ingest.edgar.RequestBudget} is the global budget. Nothing else coordinates the
 * instances.
 */
public final class SourcePartitioner {
  /** The partition that holds every {@code edgar} source. */
  public static final int EDGAR_PARTITION = 0;

  private SourcePartitioner() {}

  /** The partition of {@code source} in a topic of {@code partitions} partitions. */
  public static int partition(SourceDefinition source, int partitions) {
    if (partitions <= 0) {
      throw new IllegalArgumentException("a topic has at least one partition: " + partitions);
    }
    if (source.type().equals(SourceDefinition.EDGAR)) {
      return EDGAR_PARTITION;
    }
    return byKey(source.id(), partitions);
  }

  /** Where Kafka's default partitioner puts a record keyed {@code id}. */
  static int byKey(String id, int partitions) {
    byte[] key = id.getBytes(StandardCharsets.UTF_8);
    return Utils.toPositive(Utils.murmur2(key)) % partitions;
  }
}
