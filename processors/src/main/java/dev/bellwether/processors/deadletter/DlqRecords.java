package dev.bellwether.processors.deadletter;

import dev.bellwether.schemas.DeadLetters;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.DeadLetter;
import dev.bellwether.schemas.serde.AvroSerde;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/** The record an exception handler returns for {@code bellwether.dlq}. */
final class DlqRecords {
  private static final AvroSerde<DeadLetter> SERDE = BellwetherSerdes.deadLetter();

  private DlqRecords() {}

  /** A dead letter for the record a Streams task was at when {@code cause} was thrown. */
  static ProducerRecord<byte[], byte[]> record(
      String stage, Exception cause, ErrorHandlerContext context) {
    DeadLetter letter =
        DeadLetters.builder(stage, cause, Instant.now())
            .at(context.topic(), context.partition(), context.offset())
            .key(context.sourceRawKey())
            .original(context.sourceRawValue())
            .build();
    String dlq = Topics.DLQ.name();
    return new ProducerRecord<>(
        dlq, null, context.sourceRawKey(), SERDE.serializer().serialize(dlq, letter));
  }
}
