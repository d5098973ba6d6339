package dev.bellwether.slackbot.post;

import dev.bellwether.schemas.KafkaConnection;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.serde.AvroSerde;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import dev.bellwether.slackbot.web.SlackCallException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code bellwether.alerts} as a consumer group and hands each alert to a sink, committing
 * each offset only after the alert is in Slack (or parked, or dropped with a reason).
 *
 * <p>Effectively once: an offset is committed after every alert, so after a crash or rebalance at
 * most the first record of each newly assigned partition can already be in Slack. Those are
 * delivered with {@code recovering} set, and the sink looks for the alert id in Slack before
 * posting.
 */
public final class AlertPoster implements AutoCloseable {
  /** The consumer group. */
  public static final String GROUP = "bellwether-slack";

  static final String STAGE_DESERIALIZE = "slackbot.deserialize";
  static final String STAGE_POST = "slackbot.post";
  private static final Logger log = LoggerFactory.getLogger(AlertPoster.class);
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

  private final Consumer<byte[], byte[]> consumer;
  private final String topic;
  private final AlertSink sink;
  private final ParkedAlerts parked;
  private final Checkpoint.Listener checkpoints;
  private final PosterStats stats = new PosterStats();
  private final AvroSerde<Alert> serde = BellwetherSerdes.alert();
  private final Set<TopicPartition> recovering = new HashSet<>();
  private final Set<String> reportedRefusals = new HashSet<>();

  public AlertPoster(
      Consumer<byte[], byte[]> consumer,
      String topic,
      AlertSink sink,
      ParkedAlerts parked,
      Checkpoint.Listener checkpoints) {
    this.consumer = consumer;
    this.topic = topic;
    this.sink = sink;
    this.parked = parked;
    this.checkpoints = checkpoints;
  }

  /**
   * A consumer in group {@link #GROUP}: read_committed, manual commits.
   *
   * @param autoOffsetReset where a group without offsets starts: {@code latest} or {@code earliest}
   */
  public static KafkaConsumer<byte[], byte[]> consumer(
      KafkaConnection kafka, String group, String autoOffsetReset) {
    return new KafkaConsumer<>(
        kafka.config(
            Map.of(
                "group.id",
                group,
                "client.id",
                group,
                "isolation.level",
                "read_committed",
                "enable.auto.commit",
                "false",
                "auto.offset.reset",
                autoOffsetReset,
                "max.poll.records",
                "10")),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  public void subscribe() {
    consumer.subscribe(List.of(topic), new Recovery());
  }

  public PosterStats stats() {
    return stats;
  }

  /** Polls once and delivers what came; returns how many records were settled. */
  public int pollOnce(Duration timeout) {
    int settled = 0;
    Set<TopicPartition> retryLater = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
      TopicPartition partition = new TopicPartition(record.topic(), record.partition());
      if (retryLater.contains(partition)) {
        continue;
      }
      if (settle(record, partition)) {
        settled++;
      } else {
        retryLater.add(partition);
      }
    }
    return settled;
  }

  /** Polls until {@link #wakeup()} is called from another thread. */
  public void runUntilWoken() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        pollOnce(Duration.ofSeconds(1));
      }
    } catch (WakeupException stop) {
      log.info("Slack poster stopping: {}", stats);
    }
  }

  /** Makes {@link #runUntilWoken()} return; safe from any thread. */
  public void wakeup() {
    consumer.wakeup();
  }

  /** Delivers, parks or drops one record and commits it; false when it must be tried again. */
  private boolean settle(ConsumerRecord<byte[], byte[]> record, TopicPartition partition) {
    Alert alert;
    try {
      alert = serde.deserializer().deserialize(record.topic(), record.value());
    } catch (RuntimeException e) {
      log.warn("{}@{}: not an alert, parked: {}", partition, record.offset(), e.toString());
      park(STAGE_DESERIALIZE, e.toString(), record);
      commit(partition, record.offset(), "?");
      return true;
    }
    try {
      Delivery delivery = sink.deliver(alert, recovering.contains(partition));
      stats.count(delivery);
      logDelivery(alert, delivery);
    } catch (SlackCallException e) {
      if (!e.permanent()) {
        log.warn(
            "alert {}: {}; will try again from offset {}",
            alert.getId(),
            e.getMessage(),
            record.offset());
        consumer.seek(partition, record.offset());
        recovering.add(partition);
        return false;
      }
      reportRefusalOnce(e);
      park(STAGE_POST, e.getMessage(), record);
    }
    checkpoints.reached(Checkpoint.BEFORE_COMMIT, alert.getId());
    commit(partition, record.offset(), alert.getId());
    recovering.remove(partition);
    return true;
  }

  private void logDelivery(Alert alert, Delivery delivery) {
    if (delivery.outcome() == Delivery.Outcome.DROPPED) {
      log.warn(
          "alert {} of story {} dropped: {}", alert.getId(), alert.getStoryId(), delivery.detail());
    } else {
      log.info(
          "alert {} of story {} {} in {}",
          alert.getId(),
          alert.getStoryId(),
          delivery.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
          delivery.detail());
    }
  }

  private void reportRefusalOnce(SlackCallException e) {
    if (reportedRefusals.add(e.channel() + " " + e.error())) {
      log.error(
          "Slack refuses to take alerts for {}: {}. They are parked on {} until that is fixed;"
              + " other channels go on.",
          e.channel(),
          e.error(),
          Topics.DLQ.name());
    }
  }

  private void park(String stage, String reason, ConsumerRecord<byte[], byte[]> record) {
    parked.park(stage, reason, record);
    stats.countParked();
  }

  private void commit(TopicPartition partition, long offset, String alertId) {
    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset + 1)), COMMIT_TIMEOUT);
    log.debug("committed {}@{} after alert {}", partition, offset, alertId);
  }

  @Override
  public void close() {
    consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(10)));
  }

  /** Partitions that come (back) to this instance start in recovery: check Slack first. */
  private final class Recovery implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      recovering.addAll(partitions);
      if (!partitions.isEmpty()) {
        sink.partitionsAssigned();
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      recovering.removeAll(partitions);
    }
  }
}
