package dev.bellwether.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.ingest.http.PolitenessSettings;
import dev.bellwether.ingest.source.SourceDefinition;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
  private static final Instant NOW = Instant.parse("2025-06-05T12:00:00Z");
  private static final PolitenessSettings POLITE = PolitenessSettings.defaults();
  private static final double NO_JITTER = 0.5; // the factor 0.8 + 0.4 * 0.5 = 1.0
  private static final SourceDefinition SOURCE =
      new SourceDefinition(
          "wire",
          "rss",
          "Wire",
          URI.create("https://wire.example/feed"),
          Duration.ofMinutes(10),
          false,
          Duration.ofMinutes(4),
          Duration.ofMinutes(40),
          Map.of());

  private final PollSchedule first = PollSchedule.first(SOURCE, NOW);

  @Test
  void startsDueNowAtTheConfiguredInterval() {
    assertThat(first).isEqualTo(new PollSchedule(Duration.ofMinutes(10), 0, NOW));
  }

  @Test
  void pollsSoonerWhileNewItemsKeepComingDownToTheMinInterval() {
    PollSchedule busy = first.afterSuccess(SOURCE, 3, NOW);
    PollSchedule busier = busy.afterSuccess(SOURCE, 1, NOW);

    assertThat(busy.interval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(busy.due()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    assertThat(busier.interval()).isEqualTo(Duration.ofMinutes(4));
  }

  @Test
  void pollsLaterWhileNothingIsNewUpToTheMaxInterval() {
    PollSchedule quiet = first;
    for (int i = 0; i < 10; i++) {
      quiet = quiet.afterSuccess(SOURCE, 0, NOW);
    }

    assertThat(first.afterSuccess(SOURCE, 0, NOW).interval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(quiet.interval()).isEqualTo(Duration.ofMinutes(40));
  }

  @Test
  void keepsTheIntervalWhenNoveltyIsUnknown() {
    assertThat(first.afterSuccess(SOURCE, -1, NOW).interval()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void backsOffExponentiallyOnRetriableFailuresAndResetsOnSuccess() {
    PollSchedule once = first.afterFailure(SOURCE, true, null, NOW, NO_JITTER, POLITE);
    PollSchedule twice = once.afterFailure(SOURCE, true, null, NOW, NO_JITTER, POLITE);
    PollSchedule thrice = twice.afterFailure(SOURCE, true, null, NOW, NO_JITTER, POLITE);

    assertThat(once.due()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    assertThat(twice.due()).isEqualTo(NOW.plus(Duration.ofMinutes(20)));
    assertThat(thrice.due()).isEqualTo(NOW.plus(Duration.ofMinutes(40)));
    assertThat(thrice.failures()).isEqualTo(3);
    assertThat(thrice.afterSuccess(SOURCE, 0, NOW).failures()).isZero();
  }

  @Test
  void backsOffMoreGentlyOnFailuresThatWillNotGoAway() {
    PollSchedule once = first.afterFailure(SOURCE, false, null, NOW, NO_JITTER, POLITE);
    PollSchedule twice = once.afterFailure(SOURCE, false, null, NOW, NO_JITTER, POLITE);

    assertThat(twice.due()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
  }

  @Test
  void capsTheBackoffAndJittersItWithoutGoingUnderTheMinInterval() {
    PollSchedule failing = first;
    for (int i = 0; i < 200; i++) {
      failing = failing.afterFailure(SOURCE, true, null, NOW, NO_JITTER, POLITE);
    }
    PollSchedule early = first.afterFailure(SOURCE, true, null, NOW, 0.0, POLITE);
    PollSchedule late = first.afterFailure(SOURCE, true, null, NOW, 0.999, POLITE);

    assertThat(failing.due()).isEqualTo(NOW.plus(Duration.ofHours(6)));
    assertThat(early.due()).isEqualTo(NOW.plus(Duration.ofMinutes(8)));
    assertThat(late.due()).isBetween(NOW.plus(Duration.ofMinutes(11)), NOW.plusSeconds(720));
  }

  @Test
  void honoursRetryAfterButNoFurtherThanTheCap() {
    Instant inTwoHours = NOW.plus(Duration.ofHours(2));
    Instant nextWeek = NOW.plus(Duration.ofDays(7));
    Instant inASecond = NOW.plusSeconds(1);

    assertThat(first.afterFailure(SOURCE, true, inTwoHours, NOW, NO_JITTER, POLITE).due())
        .isEqualTo(inTwoHours);
    assertThat(first.afterFailure(SOURCE, true, nextWeek, NOW, NO_JITTER, POLITE).due())
        .isEqualTo(NOW.plus(Duration.ofHours(6)));
    assertThat(first.afterFailure(SOURCE, true, inASecond, NOW, NO_JITTER, POLITE).due())
        .isEqualTo(NOW.plus(Duration.ofMinutes(10)));
  }

  @Test
  void isPutOffButNeverBroughtForwardByABusyHost() {
    assertThat(first.notBefore(NOW.plusSeconds(3)).due()).isEqualTo(NOW.plusSeconds(3));
    assertThat(first.notBefore(NOW.minusSeconds(3)).due()).isEqualTo(NOW);
  }
}
