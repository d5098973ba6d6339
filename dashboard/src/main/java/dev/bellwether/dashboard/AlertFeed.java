package dev.bellwether.dashboard;

import dev.bellwether.schemas.KafkaConnection;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the alerts topic from its beginning into an {@link AlertLog}, then follows it, on its own
 * thread. It reads committed alerts only and belongs to no consumer group: every dashboard sees
 * every alert, and none commits offsets. A record that is not an alert is skipped, logged and
 * counted; the feed goes on.
 */
public final class AlertFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AlertFeed.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Deserializer<Alert> alerts = BellwetherSerdes.alert().deserializer();
  private final AlertLog target;
  private final Thread thread;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicBoolean caughtUp = new AtomicBoolean(false);
  private final AtomicLong skipped = new AtomicLong();
  private volatile boolean failed;

  private AlertFeed(KafkaConnection kafka, AlertLog into) {
    this.consumer =
        new KafkaConsumer<>(config(kafka), new StringDeserializer(), new ByteArrayDeserializer());
    this.target = into;
    this.thread = new Thread(this::run, "bellwether-dashboard-feed");
    this.thread.setDaemon(true);
  }

  /** Starts reading {@code bellwether.alerts} at {@code kafka} into {@code into}. */
  public static AlertFeed start(KafkaConnection kafka, AlertLog into) {
    AlertFeed feed = new AlertFeed(kafka, into);
    feed.thread.start();
    return feed;
  }

  /** Whether every alert that was in the topic when the feed started has been read. */
  public boolean caughtUp() {
    return caughtUp.get();
  }

  /** Whether the feed's thread is still reading. */
  public boolean running() {
    return thread.isAlive() && !failed;
  }

  /** Records on the alerts topic that could not be read as alerts. */
  public long skipped() {
    return skipped.get();
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      List<TopicPartition> partitions = awaitPartitions();
      if (partitions.isEmpty()) {
        return;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (running.get()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          read(record);
        }
        if (!caughtUp.get() && reached(end)) {
          caughtUp.set(true);
          log.info("Dashboard caught up: {} alerts held", target.size());
        }
      }
    } catch (WakeupException e) {
      // close() was called
    } catch (RuntimeException e) {
      failed = true;
      log.error("The dashboard stopped reading alerts: {}", e.toString(), e);
    } finally {
      consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
    }
  }

  /** Waits for the alerts topic to exist (the topics may be created after the dashboard starts). */
  private List<TopicPartition> awaitPartitions() {
    boolean told = false;
    while (running.get()) {
      List<PartitionInfo> infos =
          consumer.listTopics(Duration.ofSeconds(10)).get(Topics.ALERTS.name());
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      }
      if (!told) {
        log.info("Waiting for topic {} to exist", Topics.ALERTS.name());
        told = true;
      }
      sleep();
    }
    return List.of();
  }

  private void read(ConsumerRecord<String, byte[]> record) {
    Alert alert;
    try {
      alert = alerts.deserialize(record.topic(), record.value());
    } catch (RuntimeException e) {
      skipped.incrementAndGet();
      log.warn(
          "Skipping record {}-{}@{}: not an alert ({})",
          record.topic(),
          record.partition(),
          record.offset(),
          e.toString());
      return;
    }
    if (alert == null) {
      skipped.incrementAndGet();
      return;
    }
    target.add(alert, Instant.ofEpochMilli(record.timestamp()));
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
    }
  }

  private static Properties config(KafkaConnection kafka) {
    Properties p = new Properties();
    kafka.applyTo(p);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "bellwether-dashboard");
    // one alert is a few KB; a bounded fetch keeps a catch-up over a long topic small in memory
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024);
    return p;
  }
}
