package dev.bellwether.ingest.edgar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {
  private static final long MILLI = 1_000_000;

  /** A ticker that moves only when the budget sleeps or the test advances it. */
  private final AtomicLong now = new AtomicLong(42);

  private final List<Long> sleeps = new ArrayList<>();
  private final RequestBudget budget =
      new RequestBudget(
          10,
          now::get,
          nanos -> {
            synchronized (sleeps) {
              sleeps.add(nanos);
            }
          });

  @Test
  void allowsABurstOfTenWithoutWaiting() {
    for (int i = 0; i < 10; i++) {
      assertThat(budget.acquire(Duration.ZERO)).isTrue();
    }

    assertThat(sleeps).isEmpty();
  }

  @Test
  void spacesRequestsBeyondTheBurstATenthOfASecondApart() {
    for (int i = 0; i < 10; i++) {
      budget.acquire(Duration.ZERO);
    }

    assertThat(budget.acquire(Duration.ofSeconds(1))).isTrue();
    assertThat(budget.acquire(Duration.ofSeconds(1))).isTrue();
    assertThat(budget.acquire(Duration.ofSeconds(1))).isTrue();

    assertThat(sleeps).containsExactly(100 * MILLI, 200 * MILLI, 300 * MILLI);
  }

  @Test
  void refillsAsTimePasses() {
    for (int i = 0; i < 10; i++) {
      budget.acquire(Duration.ZERO);
    }
    now.addAndGet(250 * MILLI);

    assertThat(budget.acquire(Duration.ZERO)).isTrue();
    assertThat(budget.acquire(Duration.ZERO)).isTrue();
    assertThat(budget.acquire(Duration.ZERO)).isFalse();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void neverStoresMoreThanOneSecondOfRequests() {
    now.addAndGet(Duration.ofMinutes(5).toNanos());

    int granted = 0;
    while (budget.acquire(Duration.ZERO)) {
      granted++;
    }

    assertThat(granted).isEqualTo(10);
  }

  @Test
  void givesUpWithoutReservingWhenTheWaitExceedsTheBound() {
    for (int i = 0; i < 10; i++) {
      budget.acquire(Duration.ZERO);
    }

    assertThat(budget.acquire(Duration.ofMillis(50))).isFalse();
    assertThat(budget.acquire(Duration.ofMillis(100))).isTrue();
    assertThat(sleeps).containsExactly(100 * MILLI);
  }

  @Test
  void grantsNoMoreThanTheBudgetToConcurrentCallers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Boolean>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      calls.add(pool.submit(() -> budget.acquire(Duration.ofMillis(999))));
    }
    int granted = 0;
    for (Future<Boolean> call : calls) {
      granted += call.get(10, TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();

    // 10 at once, then one per 100 ms for the 999 ms the callers may wait: 9 more
    assertThat(granted).isEqualTo(19);
    assertThat(sleeps).hasSize(9).allMatch(nanos -> nanos <= 999 * MILLI);
  }

  @Test
  void givesUpAndKeepsTheInterruptWhenInterruptedWhileWaiting() {
    RequestBudget interrupted =
        new RequestBudget(
            1,
            now::get,
            nanos -> {
              throw new InterruptedException();
            });
    interrupted.acquire(Duration.ZERO);

    assertThat(interrupted.acquire(Duration.ofSeconds(5))).isFalse();
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void refusesANonPositiveRate() {
    assertThatThrownBy(() -> new RequestBudget(0, now::get, nanos -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
