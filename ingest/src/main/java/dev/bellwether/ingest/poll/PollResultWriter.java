package dev.bellwether.ingest.poll;

import dev.bellwether.ingest.http.RedactedUrl;
import dev.bellwether.ingest.metrics.IngestMetrics;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.schemas.DeadLetters;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.DeadLetter;
import dev.bellwether.schemas.avro.FeedItem;
import dev.bellwether.schemas.serde.AvroSerde;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what polls find: feed items to {@code bellwether.discovered} keyed by item id, failures to
 * {@code bellwether.dlq} keyed by source id. Logs one line per poll. Thread-safe.
 */
final class PollResultWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IngestWorker.class);
  private static final long ACK_TIMEOUT_SECONDS = 120;

  private final Producer<String, byte[]> producer;
  private final Clock clock;
  private final AvroSerde<FeedItem> itemSerde = BellwetherSerdes.feedItem();
  private final AvroSerde<DeadLetter> deadLetterSerde = BellwetherSerdes.deadLetter();

  private final MeterRegistry meters;

  PollResultWriter(Producer<String, byte[]> producer, Clock clock) {
    this(producer, clock, new CompositeMeterRegistry());
  }

  /** A writer that counts items published and dead letters in {@code meters}. */
  PollResultWriter(Producer<String, byte[]> producer, Clock clock, MeterRegistry meters) {
    this.producer = producer;
    this.clock = clock;
    this.meters = meters;
  }

  /** Writes {@code result} and waits for the acks; true once Kafka has all of it. */
  boolean write(PollResult result) {
    SourceDefinition source = result.source();
    String url = RedactedUrl.of(source.url());
    if (result instanceof PollResult.NotModified) {
      log.info("polled {} {}: not modified", source.id(), url);
      return true;
    }
    if (result instanceof PollResult.Failed) {
      PollResult.Failed failed = (PollResult.Failed) result;
      log.warn(
          "polled {} {}: failed at {} ({}, {}): {}",
          source.id(),
          url,
          failed.stage(),
          failed.kind(),
          failed.retriable() ? "retriable" : "not retriable",
          failed.reason());
      DeadLetter letter =
          DeadLetters.builder(failed.stage(), failed.reason(), clock.instant())
              .source(source.id(), url)
              .original(failed.original(), failed.originalSize())
              .build();
      return awaitAll(source.id(), List.of(sendDeadLetter(source.id(), letter)));
    }
    PollResult.Fetched fetched = (PollResult.Fetched) result;
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    for (FeedItem item : fetched.items()) {
      String topic = Topics.DISCOVERED.name();
      sends.add(send(topic, item.getId(), itemSerde.serialize(topic, item)));
    }
    log.info(
        "polled {} {}: HTTP {}, {} items",
        source.id(),
        url,
        fetched.status(),
        fetched.items().size());
    boolean written = awaitAll(source.id(), sends);
    if (written) {
      IngestMetrics.itemsPublished(meters, source.id()).increment(fetched.items().size());
    }
    return written;
  }

  /** Sends a dead letter without waiting for the ack. */
  Future<RecordMetadata> sendDeadLetter(@Nullable String key, DeadLetter letter) {
    String topic = Topics.DLQ.name();
    IngestMetrics.deadLetters(meters, letter.getStage()).increment();
    return send(topic, key, deadLetterSerde.serialize(topic, letter));
  }

  private Future<RecordMetadata> send(String topic, @Nullable String key, byte @Nullable [] value) {
    return producer.send(new ProducerRecord<>(topic, key, value));
  }

  private static boolean awaitAll(String sourceId, List<Future<RecordMetadata>> sends) {
    try {
      for (Future<RecordMetadata> send : sends) {
        send.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      log.error(
          "cannot write results of {} to Kafka; the next poll fetches them again", sourceId, e);
      return false;
    }
  }

  /** Flushes what was sent and closes the producer. */
  void close(Duration timeout) {
    producer.close(timeout);
  }

  @Override
  public void close() {
    producer.close();
  }
}
