package dev.bellwether.ingest.poll;

import dev.bellwether.ingest.IngestException;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.ingest.source.SourceMapper;
import dev.bellwether.ingest.source.SourcesFile;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Source;
import dev.bellwether.schemas.serde.AvroSerde;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
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
 * retires the sources that are no longer in the file.
 */
public final class SourcePublisher {
  private static final long ACK_TIMEOUT_SECONDS = 60;

  private SourcePublisher() {}

  /** Publishes every definition in {@code file} and waits until the broker has them all. */
  public static void publish(String bootstrapServers, SourcesFile file) {
    try (Producer<String, byte[]> producer = producer(bootstrapServers)) {
      publish(producer, file);
    }
  }

  /** Publishes every definition in {@code file} with {@code producer} and waits for the acks. */
  public static void publish(Producer<String, byte[]> producer, SourcesFile file) {
    AvroSerde<Source> serde = BellwetherSerdes.source();
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    for (SourceDefinition definition : file.sources()) {
      byte[] value = serde.serialize(Topics.SOURCES.name(), SourceMapper.toAvro(definition));
      sends.add(producer.send(new ProducerRecord<>(Topics.SOURCES.name(), definition.id(), value)));
    }
    awaitAll(sends);
  }

  /**
   * Makes the topic hold exactly the sources of {@code file}: retires those that are no longer in
   * it, then publishes every definition.
   *
   * @return the ids of the retired sources
   */
  public static Set<String> sync(String bootstrapServers, SourcesFile file) {
    Set<String> wanted = new HashSet<>();
    file.sources().forEach(s -> wanted.add(s.id()));
    Set<String> retired = new TreeSet<>(liveSourceIds(bootstrapServers));
    retired.removeAll(wanted);
    try (Producer<String, byte[]> producer = producer(bootstrapServers)) {
      for (String id : retired) {
        retire(producer, id);
      }
      publish(producer, file);
    }
    return retired;
  }

  /** The ids whose latest record on the sources topic is not a tombstone. */
  static Set<String> liveSourceIds(String bootstrapServers) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    Set<String> live = new HashSet<>();
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
          if (record.value() == null) {
            live.remove(record.key());
          } else {
            live.add(record.key());
          }
        }
      }
    }
    return live;
  }

  /** Removes a source: a tombstone for {@code sourceId}. */
  public static void retire(Producer<String, byte[]> producer, String sourceId) {
    awaitAll(List.of(producer.send(new ProducerRecord<>(Topics.SOURCES.name(), sourceId, null))));
  }

  /** An idempotent producer of String keys and byte-array values. */
  static Producer<String, byte[]> producer(String bootstrapServers) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            20),
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
