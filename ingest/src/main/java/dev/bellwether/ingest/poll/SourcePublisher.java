package dev.bellwether.ingest.poll;

import dev.bellwether.ingest.IngestException;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.ingest.source.SourceMapper;
import dev.bellwether.ingest.source.SourcesFile;
import dev.bellwether.schemas.KafkaConnection;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Source;
import dev.bellwether.schemas.serde.AvroSerde;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes source definitions to the compacted {@code bellwether.sources} topic, keyed by source id,
 * where ingest workers pick them up. {@link #publish} only adds and updates; {@link #sync} also
 * retires the sources that are no longer in the file, and those that moved partition. Each record
 * goes to the partition {@link SourcePartitioner} chooses: every {@code edgar} source on one
 * partition, so one instance polls them all within sec.gov's budget.
 */
public final class SourcePublisher {
  private static final long ACK_TIMEOUT_SECONDS = 60;

  private SourcePublisher() {}

  /** Publishes every definition in {@code file} and waits until the broker has them all. */
  public static void publish(KafkaConnection kafka, SourcesFile file) {
    try (Producer<String, byte[]> producer = producer(kafka)) {
      publish(producer, file);
    }
  }

  /** Publishes every definition in {@code file} with {@code producer} and waits for the acks. */
  public static void publish(Producer<String, byte[]> producer, SourcesFile file) {
    AvroSerde<Source> serde = BellwetherSerdes.source();
    int partitions = partitionCount(producer);
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    for (SourceDefinition definition : file.sources()) {
      byte[] value = serde.serialize(Topics.SOURCES.name(), SourceMapper.toAvro(definition));
      int partition = SourcePartitioner.partition(definition, partitions);
      sends.add(
          producer.send(
              new ProducerRecord<>(Topics.SOURCES.name(), partition, definition.id(), value)));
    }
    awaitAll(sends);
  }

  private static int partitionCount(Producer<String, byte[]> producer) {
    return producer.partitionsFor(Topics.SOURCES.name()).size();
  }

  /**
   * Makes the topic hold exactly the sources of {@code file}: retires those that are no longer in
   * it, then publishes every definition.
   *
   * @return the ids of the retired sources
   */
  public static Set<String> sync(KafkaConnection kafka, SourcesFile file) {
    Map<String, Set<Integer>> live = livePartitions(kafka);
    try (Producer<String, byte[]> producer = producer(kafka)) {
      Set<String> retired = sync(producer, file, live);
      publish(producer, file);
      return retired;
    }
  }

  /**
   * Tombstones every live record that {@code file} no longer wants where it is: sources gone from
   * the file, and the old partition of sources whose partition changed (a type changed to or from
   * {@code edgar}, or the topic grew).
   *
   * @return the ids of the sources gone from the file
   */
  static Set<String> sync(
      Producer<String, byte[]> producer, SourcesFile file, Map<String, Set<Integer>> live) {
    int partitions = partitionCount(producer);
    Map<String, Integer> wanted = new HashMap<>();
    file.sources().forEach(s -> wanted.put(s.id(), SourcePartitioner.partition(s, partitions)));
    Set<String> retired = new TreeSet<>();
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    live.forEach(
        (id, where) -> {
          Integer target = wanted.get(id);
          if (target == null) {
            retired.add(id);
          }
          where.stream()
              .filter(partition -> !partition.equals(target))
              .forEach(partition -> sends.add(producer.send(tombstone(id, partition))));
        });
    awaitAll(sends);
    return retired;
  }

  /** The ids whose latest record on the sources topic is not a tombstone. */
  static Set<String> liveSourceIds(KafkaConnection kafka) {
    return livePartitions(kafka).keySet();
  }

  /** Each id whose latest record on some partition is not a tombstone, with those partitions. */
  static Map<String, Set<Integer>> livePartitions(KafkaConnection kafka) {
    Map<String, Object> config =
        kafka.config(
            Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false));
    Map<String, Set<Integer>> live = new HashMap<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.SOURCES.name(), Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(ACK_TIMEOUT_SECONDS).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IngestException("timed out reading " + Topics.SOURCES.name());
        }
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          Set<Integer> where = live.computeIfAbsent(record.key(), k -> new TreeSet<>());
          if (record.value() == null) {
            where.remove(record.partition());
          } else {
            where.add(record.partition());
          }
        }
      }
    }
    live.values().removeIf(Set::isEmpty);
    return live;
  }

  /**
   * Removes a source: a tombstone for {@code sourceId} on every partition, since the partition of a
   * source depends on its type, which a tombstone does not carry.
   */
  public static void retire(Producer<String, byte[]> producer, String sourceId) {
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    for (int partition = 0; partition < partitionCount(producer); partition++) {
      sends.add(producer.send(tombstone(sourceId, partition)));
    }
    awaitAll(sends);
  }

  private static ProducerRecord<String, byte[]> tombstone(String sourceId, int partition) {
    return new ProducerRecord<>(Topics.SOURCES.name(), partition, sourceId, null);
  }

  /** An idempotent producer of String keys and byte-array values. */
  static Producer<String, byte[]> producer(KafkaConnection kafka) {
    return new KafkaProducer<>(
        kafka.config(
            Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                20)),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private static void awaitAll(List<Future<RecordMetadata>> sends) {
    try {
      for (Future<RecordMetadata> send : sends) {
        send.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IngestException("interrupted while publishing sources", e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IngestException("cannot publish sources to Kafka: " + cause.getMessage(), cause);
    }
  }
}
