package dev.bellwether.processors.deadletter;

import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.DeadLetter;
import dev.bellwether.schemas.serde.AvroSerde;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.jspecify.annotations.Nullable;

/** Builds the dead-letter record for a record a Streams task could not use. */
final class DeadLetters {
  /** Original bytes kept in a dead letter; the size says how much there was. */
  static final int MAX_ORIGINAL_BYTES = 64 * 1024;

  private static final AvroSerde<DeadLetter> SERDE = BellwetherSerdes.deadLetter();

  private DeadLetters() {}

  static ProducerRecord<byte[], byte[]> record(
      String stage, Exception cause, ErrorHandlerContext context) {
    byte @Nullable [] key = context.sourceRawKey();
    byte @Nullable [] value = context.sourceRawValue();
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setStage(stage)
            .setReason(reason(cause))
            .setTopic(context.topic())
            .setPartition(context.partition())
            .setOffset(context.offset())
            .setKey(key == null ? null : java.nio.ByteBuffer.wrap(key))
            .setOriginal(value == null ? null : java.nio.ByteBuffer.wrap(truncated(value)))
            .setOriginalSize(value == null ? 0 : value.length)
            .setTime(Instant.ofEpochMilli(System.currentTimeMillis()))
            .build();
    return new ProducerRecord<>(
        Topics.DLQ.name(), null, key, SERDE.serializer().serialize(Topics.DLQ.name(), letter));
  }

  static String reason(Throwable cause) {
    StringBuilder reason = new StringBuilder();
    for (Throwable t = cause; t != null && reason.length() < 1000; t = t.getCause()) {
      if (!reason.isEmpty()) {
        reason.append(" <- ");
      }
      reason.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        reason.append(": ").append(t.getMessage());
      }
    }
    return reason.toString();
  }

  private static byte[] truncated(byte[] value) {
    return value.length <= MAX_ORIGINAL_BYTES ? value : Arrays.copyOf(value, MAX_ORIGINAL_BYTES);
  }
}
