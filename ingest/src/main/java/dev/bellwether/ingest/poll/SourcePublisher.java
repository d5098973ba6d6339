package dev.bellwether.ingest.poll;

import dev.bellwether.ingest.IngestException;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.ingest.source.SourceMapper;
import dev.bellwether.ingest.source.SourcesFile;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Source;
import dev.bellwether.schemas.serde.AvroSerde;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes source definitions to the compacted {@code bellwether.sources} topic, keyed by source id,
 * where ingest workers pick them up. Sources missing from a newer file are not removed
 * automatically: {@link #retire} writes the tombstone that removes one.
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
