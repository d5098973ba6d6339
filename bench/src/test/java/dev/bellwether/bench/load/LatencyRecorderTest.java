package dev.bellwether.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
  @Test
  void recordsTheTimeFromPublicationToAlert() {
    LatencyRecorder recorder = new LatencyRecorder(1_000);
    recorder.record(1_000, 1_250);
    recorder.record(2_000, 2_750);
    assertThat(recorder.count()).isEqualTo(2);
    assertThat(recorder.max()).isEqualTo(750);
    assertThat(recorder.percentile(50)).isEqualTo(250);
  }

  @Test
  void leavesOutAlertsAboutItemsPublishedDuringWarmUp() {
    LatencyRecorder recorder = new LatencyRecorder(1_000);
    recorder.record(999, 1_500);
    assertThat(recorder.count()).isZero();
    assertThat(recorder.early()).isEqualTo(1);
  }

  @Test
  void countsAnAlertSeenBeforeItsPublicationAsNoDelay() {
    LatencyRecorder recorder = new LatencyRecorder(0);
    recorder.record(5_000, 4_990);
    assertThat(recorder.negative()).isEqualTo(1);
    assertThat(recorder.max()).isZero();
  }

  @Test
  void capsLatenciesBeyondTheRange() {
    LatencyRecorder recorder = new LatencyRecorder(0);
    recorder.record(0, LatencyRecorder.MAX_MILLIS * 2);
    assertThat(recorder.max()).isGreaterThanOrEqualTo(LatencyRecorder.MAX_MILLIS);
    assertThat(recorder.count()).isEqualTo(1);
  }
}
