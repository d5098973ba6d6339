package dev.bellwether.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HarnessOptionsTest {
  @Test
  void readsEveryDocumentedOption() {
    HarnessOptions options =
        HarnessOptions.parse(
            new String[] {
              "--items",
              "20000",
              "--warmup-items",
              "0",
              "--threads",
              "1,2",
              "--rates",
              "20,50,80",
              "--rate-seconds",
              "30",
              "--warmup-seconds",
              "5",
              "--commit-intervals",
              "200,100",
              "--step-seconds",
              "60",
              "--seed",
              "7",
              "--latency",
              "false",
              "--ladder",
              "false",
              "--producer-linger-ms",
              "0",
              "--work-dir",
              "/tmp/x"
            });
    assertThat(options.items()).isEqualTo(20_000);
    assertThat(options.warmupItems()).isZero();
    assertThat(options.threads()).isEqualTo(List.of(1, 2));
    assertThat(options.commitIntervals()).isEqualTo(List.of(200, 100));
    assertThat(options.latency()).isFalse();
    assertThat(options.ladder()).isFalse();
    assertThat(options.producerLingerMs()).isZero();
  }

  @Test
  void thePacedProducerLingersAsTheIngestWorkersDoUnlessTold() {
    assertThat(HarnessOptions.parse(new String[0]).producerLingerMs()).isEqualTo(20);
  }

  @Test
  void refusesAnUnknownOption() {
    assertThatThrownBy(() -> HarnessOptions.parse(new String[] {"--itemz", "1"}))
        .hasMessageStartingWith("unknown option --itemz");
  }
}
