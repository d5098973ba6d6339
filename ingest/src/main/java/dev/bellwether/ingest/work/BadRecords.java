package dev.bellwether.ingest.work;

import dev.bellwether.schemas.DeadLetters;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;

/**
 * Records an ingest worker consumes but cannot use (no value, not the Avro it expects): each is
 * logged where it lies and parked on the dead-letter topic with its bytes.
 */
public final class BadRecords {
  private BadRecords() {}

  /**
   * Logs {@code record} on {@code log} as bad for {@code reason} and starts its dead letter:
   * written by {@code stage} at {@code time}, with where the record lies and its value (empty for
   * none).
   */
  public static DeadLetters.Builder deadLetter(
      Logger log, String stage, ConsumerRecord<?, byte[]> record, String reason, Instant time) {
    log.warn(
        "bad record on {} partition {} offset {}: {}",
        record.topic(),
        record.partition(),
        record.offset(),
        reason);
    return DeadLetters.builder(stage, reason, time)
        .at(record)
        .original(Objects.requireNonNullElse(record.value(), new byte[0]));
  }
}
