package dev.bellwether.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.schemas.avro.DeadLetter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");

  @Test
  void keepsTheStartOfALargeOriginalAndItsFullSize() {
    byte[] big = new byte[DeadLetters.MAX_ORIGINAL_BYTES + 10];
    Arrays.fill(big, (byte) 'x');

    DeadLetter letter = DeadLetters.builder("ingest.feed", "PARSE", NOW).original(big).build();

    assertThat(bytes(letter.getOriginal())).hasSize(DeadLetters.MAX_ORIGINAL_BYTES);
    assertThat(letter.getOriginalSize()).isEqualTo(big.length);
  }

  @Test
  void keepsASmallOriginalWhole() {
    byte[] small = {1, 2, 3};

    DeadLetter letter = DeadLetters.builder("s", "r", NOW).original(small).build();

    assertThat(bytes(letter.getOriginal())).containsExactly(1, 2, 3);
    assertThat(letter.getOriginalSize()).isEqualTo(3);
  }

  @Test
  void aMissingOriginalStaysNullWithSizeZero() {
    DeadLetter letter = DeadLetters.builder("s", "r", NOW).original(null).key(null).build();

    assertThat(letter.getOriginal()).isNull();
    assertThat(letter.getKey()).isNull();
    assertThat(letter.getOriginalSize()).isZero();
  }

  @Test
  void recordsWhereTheInputWasReadAndWhenToTheMillisecond() {
    ConsumerRecord<String, byte[]> record =
        new ConsumerRecord<>("bellwether.sources", 2, 41L, "k", null);

    DeadLetter letter =
        DeadLetters.builder("ingest.sources", "bad", NOW)
            .at(record)
            .source("acme", "https://a")
            .build();

    assertThat(letter.getTopic()).isEqualTo("bellwether.sources");
    assertThat(letter.getPartition()).isEqualTo(2);
    assertThat(letter.getOffset()).isEqualTo(41L);
    assertThat(letter.getSourceId()).isEqualTo("acme");
    assertThat(letter.getUrl()).isEqualTo("https://a");
    assertThat(letter.getTime()).isEqualTo(Instant.parse("2026-03-01T12:00:00.123Z"));
  }

  @Test
  void aReasonFromAnExceptionNamesEachCauseDownTheChain() {
    Exception cause =
        new IllegalStateException("cannot map", new UncheckedIOException(new IOException("eof")));

    DeadLetter letter = DeadLetters.builder("processors.tag", cause, NOW).build();

    assertThat(letter.getReason())
        .isEqualTo(
            "IllegalStateException: cannot map <- UncheckedIOException: java.io.IOException: eof"
                + " <- IOException: eof");
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
