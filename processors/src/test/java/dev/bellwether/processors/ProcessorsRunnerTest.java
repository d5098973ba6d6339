package dev.bellwether.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bellwether.schemas.KafkaConnection;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class ProcessorsRunnerTest {
  private static final Path STATE = Path.of("state");

  @Test
  void commitsEvery200MsByDefaultAndAsToldOtherwise() {
    assertThat(
            ProcessorsRunner.config(KafkaConnection.of("k:9092"), STATE)
                .get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
        .isEqualTo(200L);
    assertThat(
            ProcessorsRunner.config(KafkaConnection.of("k:9092"), STATE, Duration.ofMillis(100))
                .get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
        .isEqualTo(100L);
    assertThat(
            ProcessorsRunner.config(KafkaConnection.of("k:9092"), STATE)
                .get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
  }

  @Test
  void refusesACommitIntervalOutsideItsRangeSayingTheRange() {
    assertThatThrownBy(
            () ->
                ProcessorsRunner.config(KafkaConnection.of("k:9092"), STATE, Duration.ofMillis(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the commit interval must be between 10ms and 1m, not 5ms");
    assertThatThrownBy(() -> ProcessorsRunner.requireValidCommitInterval(Duration.ofMinutes(2)))
        .hasMessageContaining("not 120000ms");
  }
}
