package dev.bellwether.ingest.poll;

import dev.bellwether.ingest.http.RedactedUrl;
import dev.bellwether.schemas.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Builds the {@link DeadLetter}s ingest writes. */
final class DeadLetters {
  static final String STAGE_SOURCES = "ingest.sources";

  private DeadLetters() {}

  static DeadLetter of(PollResult.Failed failed, Instant now) {
    return DeadLetter.newBuilder()
        .setStage(failed.stage())
        .setReason(failed.reason())
        .setSourceId(failed.source().id())
        .setUrl(RedactedUrl.of(failed.source().url()))
        .setOriginal(ByteBuffer.wrap(failed.original()))
        .setOriginalSize(failed.originalSize())
        .setTime(now.truncatedTo(ChronoUnit.MILLIS))
        .build();
  }

  /** A record on the sources topic that is not a usable source definition. */
  static DeadLetter ofSourceRecord(
      ConsumerRecord<String, byte[]> record, String reason, Instant now) {
    byte[] value = record.value() == null ? new byte[0] : record.value();
    byte[] original = Arrays.copyOf(value, Math.min(value.length, FeedPoller.MAX_ORIGINAL_BYTES));
    return DeadLetter.newBuilder()
        .setStage(STAGE_SOURCES)
        .setReason(reason)
        .setSourceId(record.key())
        .setTopic(record.topic())
        .setPartition(record.partition())
        .setOffset(record.offset())
        .setOriginal(ByteBuffer.wrap(original))
        .setOriginalSize(value.length)
        .setTime(now.truncatedTo(ChronoUnit.MILLIS))
        .build();
  }
}
