package dev.bellwether.schemas;

import dev.bellwether.schemas.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

/**
 * The one way to build a {@link DeadLetter} for {@link Topics#DLQ}: every role states the stage,
 * the reason and when, then what it knows of where the input came from; the original bytes are cut
 * here, to {@link #MAX_ORIGINAL_BYTES}, and their full size recorded beside them.
 */
public final class DeadLetters {
  /** The most original bytes a dead letter keeps; {@code originalSize} says how many there were. */
  public static final int MAX_ORIGINAL_BYTES = 64 * 1024;

  /** Beyond this many characters, causes further down an exception's chain are left out. */
  private static final int MAX_REASON_CHARS = 1000;

  private DeadLetters() {}

  /** A dead letter written at {@code time} by {@code stage} (e.g. {@code ingest.feed}). */
  public static Builder builder(String stage, String reason, Instant time) {
    return new Builder(stage, reason, time);
  }

  /** A dead letter whose reason is {@code cause}'s chain, as {@link #reason(Throwable)} says. */
  public static Builder builder(String stage, Throwable cause, Instant time) {
    return new Builder(stage, reason(cause), time);
  }

  /** Each exception down {@code cause}'s chain as {@code Type: message}, joined by {@code <-}. */
  public static String reason(Throwable cause) {
    StringBuilder reason = new StringBuilder();
    for (Throwable t = cause; t != null && reason.length() < MAX_REASON_CHARS; t = t.getCause()) {
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

  /** The start of {@code original} a dead letter keeps: at most {@link #MAX_ORIGINAL_BYTES}. */
  public static byte[] kept(byte[] original) {
    return original.length <= MAX_ORIGINAL_BYTES
        ? original
        : Arrays.copyOf(original, MAX_ORIGINAL_BYTES);
  }

  /** Collects the parts of one dead letter; unset parts stay null (size 0). */
  public static final class Builder {
    private final DeadLetter.Builder letter;

    private Builder(String stage, String reason, Instant time) {
      letter =
          DeadLetter.newBuilder()
              .setStage(Objects.requireNonNull(stage, "stage"))
              .setReason(Objects.requireNonNull(reason, "reason"))
              .setTime(time.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The source whose input this was, by id and (redacted) URL. */
    public Builder source(@Nullable String sourceId, @Nullable String url) {
      letter.setSourceId(sourceId).setUrl(url);
      return this;
    }

    /** Where the input was read: {@code record}'s topic, partition and offset. */
    public Builder at(ConsumerRecord<?, ?> record) {
      return at(record.topic(), record.partition(), record.offset());
    }

    /** Where the input was read. */
    public Builder at(String topic, int partition, long offset) {
      letter.setTopic(topic).setPartition(partition).setOffset(offset);
      return this;
    }

    /** The input record's key bytes, if it had a key. */
    public Builder key(byte @Nullable [] key) {
      letter.setKey(key == null ? null : ByteBuffer.wrap(key));
      return this;
    }

    /** The input's bytes: {@link #kept} of them, and their full size; null for none at all. */
    public Builder original(byte @Nullable [] original) {
      if (original == null) {
        letter.setOriginal(null).setOriginalSize(0);
        return this;
      }
      return original(kept(original), original.length);
    }

    /** Bytes already {@link #kept} by the caller, who knew their full {@code size}. */
    public Builder original(byte[] kept, long size) {
      letter.setOriginal(ByteBuffer.wrap(kept(kept))).setOriginalSize(size);
      return this;
    }

    public DeadLetter build() {
      return letter.build();
    }
  }
}
