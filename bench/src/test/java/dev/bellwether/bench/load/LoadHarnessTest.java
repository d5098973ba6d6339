package dev.bellwether.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadHarnessTest {
  @Test
  void theFullTopologyIsCaughtUpByItsOneInputTopic() {
    // articles from feed summaries: the stages pass records on in process, so only discovered is
    // read; waiting on a topic the group never reads would never end
    assertThat(LoadHarness.sourceTopics(LoadHarness.fullTopology()))
        .containsExactly("bellwether.discovered");
  }
}
