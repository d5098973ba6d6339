package dev.bellwether.processors.deadletter;

import dev.bellwether.processors.metrics.ProcessorsMetrics;
import dev.bellwether.schemas.DeadLetters;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.DeadLetter;
import dev.bellwether.schemas.serde.AvroSerde;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.jspecify.annotations.Nullable;

/**
 * What the Streams exception handlers share: the processors' meters, found in the configuration,
 * and the dead letter they hand back for {@code bellwether.dlq}.
 */
abstract class DeadLetterHandler implements Configurable {
  private static final AvroSerde<DeadLetter> SERDE = BellwetherSerdes.deadLetter();

  private @Nullable MeterRegistry meters;

  @Override
  public void configure(Map<String, ?> configs) {
    meters = ProcessorsMetrics.registryIn(configs);
  }

  /**
   * Counts a dead letter of {@code stage} and returns the record, for the record a Streams task was
   * at when {@code cause} was thrown, to resume with.
   */
  final List<ProducerRecord<byte[], byte[]>> deadLetter(
      String stage, Exception cause, ErrorHandlerContext context) {
    ProcessorsMetrics.deadLetter(meters, stage);
    DeadLetter letter =
        DeadLetters.builder(stage, cause, Instant.now())
            .at(context.topic(), context.partition(), context.offset())
            .key(context.sourceRawKey())
            .original(context.sourceRawValue())
            .build();
    String dlq = Topics.DLQ.name();
    return List.of(
        new ProducerRecord<>(
            dlq, null, context.sourceRawKey(), SERDE.serializer().serialize(dlq, letter)));
  }
}
