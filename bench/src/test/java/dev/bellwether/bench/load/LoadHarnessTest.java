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

  @Test
  void throughputCountsFromTheFirstCommitNotFromRunning() {
    // started at 0 s, processing before RUNNING at 2 s (a second thread still rebalancing), first
    // commit seen at 1 s with 9,000 records left, caught up at 4 s
    LoadRun.Drained drained =
        new LoadRun.Drained(0, 2_000_000_000L, 1_000_000_000L, 9_000, 4_000_000_000L, 0);

    assertThat(drained.rate()).isEqualTo(3_000.0);
    assertThat(drained.secondsFromRunning()).isEqualTo(2.0);
  }
}
