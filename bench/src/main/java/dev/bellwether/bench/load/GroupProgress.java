package dev.bellwether.bench.load;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a Kafka Streams application is behind on its input topics: the end offsets of the topics'
 * partitions minus the offsets its group has committed. Under exactly-once the end offset of a
 * topic written transactionally includes one commit marker per transaction, which a consumer never
 * commits past, so lag is counted on topics written without transactions only, plus the group's
 * committed position compared against the last stable offset.
 */
final class GroupProgress {
  private static final Duration CALL = Duration.ofSeconds(30);

  private final Admin admin;
  private final String groupId;

  GroupProgress(Admin admin, String groupId) {
    this.admin = admin;
    this.groupId = groupId;
  }

  /**
   * Messages the group has not yet committed on {@code topics}, against their read_committed end
   * (last stable offset); topics the group has not yet committed on count whole.
   */
  long lag(Set<String> topics) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(groupId)
              .partitionsToOffsetAndMetadata()
              .get(CALL.toMillis(), TimeUnit.MILLISECONDS);
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      for (var description :
          admin
              .describeTopics(topics)
              .allTopicNames()
              .get(CALL.toMillis(), TimeUnit.MILLISECONDS)
              .values()) {
        description
            .partitions()
            .forEach(
                p ->
                    ends.put(
                        new TopicPartition(description.name(), p.partition()),
                        OffsetSpec.latest()));
      }
      Map<TopicPartition, ListOffsetsResultInfo> endOffsets =
          admin
              .listOffsets(
                  ends,
                  new org.apache.kafka.clients.admin.ListOffsetsOptions(
                      org.apache.kafka.common.IsolationLevel.READ_COMMITTED))
              .all()
              .get(CALL.toMillis(), TimeUnit.MILLISECONDS);
      long lag = 0;
      for (var end : endOffsets.entrySet()) {
        OffsetAndMetadata at = committed.get(end.getKey());
        long position = at == null ? 0 : at.offset();
        lag += Math.max(0, end.getValue().offset() - position - markerSlack(at, end.getValue()));
      }
      return lag;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the progress of group " + groupId, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * A committed position may stop one short of the last stable offset, the commit marker of the
   * last transaction being the only record left; that is no work left.
   */
  private static long markerSlack(OffsetAndMetadata at, ListOffsetsResultInfo end) {
    return at != null && end.offset() - at.offset() == 1 ? 1 : 0;
  }

  static Set<String> of(List<String> topics) {
    return Set.copyOf(topics);
  }
}
