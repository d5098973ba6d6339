package dev.bellwether.slackbot.post;

import dev.bellwether.schemas.KafkaConnection;
import dev.bellwether.schemas.TopicSpec;
import dev.bellwether.slackbot.SlackBotException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Story id → its Slack message, kept in a compacted topic so that it survives restarts and moves
 * with the consumer group. Read whole at start-up; written through before the alert's offset is
 * committed.
 */
public final class StoryThreads implements AutoCloseable {
  /** The compacted topic; key story id, value {@link StoryThread#encode()}. */
  public static final TopicSpec TOPIC =
      new TopicSpec(
          "bellwether.slack-threads",
          3,
          (short) -1,
          Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0"));

  private static final Logger log = LoggerFactory.getLogger(StoryThreads.class);
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaConnection kafka;
  private final String topic;
  private final Duration readTimeout;
  private final KafkaProducer<String, String> producer;
  private final Map<String, StoryThread> threads = new ConcurrentHashMap<>();

  private StoryThreads(KafkaConnection kafka, String topic, Duration readTimeout) {
    this.kafka = kafka;
    this.topic = topic;
    this.readTimeout = readTimeout;
    this.producer =
        new KafkaProducer<>(
            kafka.durableProducerConfig("bellwether-slack-threads"),
            new StringSerializer(),
            new StringSerializer());
  }

  /**
   * Opens the writer and reads {@code topic} to its end (waiting at most {@code timeout}); the
   * writer is closed again when the read fails.
   */
  public static StoryThreads load(KafkaConnection kafka, String topic, Duration timeout) {
    StoryThreads threads = new StoryThreads(kafka, topic, timeout);
    try {
      threads.refresh();
    } catch (RuntimeException e) {
      threads.close();
      throw e;
    }
    return threads;
  }

  /** Reads the topic to its end again, for threads other instances saved meanwhile. */
  public void refresh() {
    readAll(kafka, readTimeout);
  }

  public Optional<StoryThread> get(String storyId) {
    return Optional.ofNullable(threads.get(storyId));
  }

  public int size() {
    return threads.size();
  }

  /** Writes through to the topic and waits for the broker's acknowledgement. */
  public void save(String storyId, StoryThread thread) {
    try {
      producer
          .send(new ProducerRecord<>(topic, storyId, thread.encode()))
          .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      threads.put(storyId, thread);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SlackBotException("interrupted while saving the thread of story " + storyId, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new SlackBotException("cannot save the thread of story " + storyId + " to " + topic, e);
    }
  }

  private void readAll(KafkaConnection kafka, Duration timeout) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            kafka.config(
                Map.of(
                    "isolation.level",
                    "read_committed",
                    "client.id",
                    "bellwether-slack-threads-reader")),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!caughtUp(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new SlackBotException("cannot read " + topic + " to its end within " + timeout);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          remember(record);
        }
      }
    }
    log.info("{} story threads read from {}", threads.size(), topic);
  }

  private void remember(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      threads.remove(record.key());
    } else {
      try {
        threads.put(record.key(), StoryThread.decode(record.value()));
      } catch (IllegalArgumentException e) {
        log.warn(
            "{}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
      }
    }
  }

  private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
