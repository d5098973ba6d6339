package dev.bellwether.ingest.poll;

import dev.bellwether.ingest.http.RedactedUrl;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.ingest.work.Threads;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the polls of an {@link IngestWorker} on a small pool: starts those the {@link
 * SourceScheduler} says are due, writes each result, feeds it back to the scheduler, and knows
 * which sources are being polled so a revocation can wait for them.
 */
final class PollRunner {
  private static final Logger log = LoggerFactory.getLogger(IngestWorker.class);

  private final FeedPoller poller;
  private final SourceScheduler scheduler;
  private final PollResultWriter writer;
  private final IngestListener listener;
  private final Clock clock;
  private final ExecutorService executor;
  private final Map<String, Future<?>> inFlight = new ConcurrentHashMap<>();

  PollRunner(
      FeedPoller poller,
      SourceScheduler scheduler,
      PollResultWriter writer,
      IngestListener listener,
      Clock clock,
      int threads) {
    this.poller = poller;
    this.scheduler = scheduler;
    this.writer = writer;
    this.listener = listener;
    this.clock = clock;
    this.executor =
        Executors.newFixedThreadPool(threads, Threads.daemons("bellwether-ingest-poll-"));
  }

  /** Starts every poll that is due and allowed now. Call from one thread only. */
  void startDue() {
    for (SourceDefinition source : scheduler.takeDue(clock.instant(), inFlight::containsKey)) {
      FutureTask<Void> task = new FutureTask<>(() -> pollAndPublish(source), null);
      inFlight.put(source.id(), task);
      executor.execute(task);
    }
  }

  /**
   * Waits until the polls of {@code sourceIds} in progress have finished, at most {@code bound} in
   * all; cancels (interrupts) those still running then.
   */
  void awaitPolls(Collection<String> sourceIds, Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    for (String id : sourceIds) {
      Future<?> poll = inFlight.get(id);
      if (poll != null) {
        awaitOrCancel(id, poll, deadline);
      }
    }
  }

  private static void awaitOrCancel(String id, Future<?> poll, long deadline) {
    try {
      poll.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      log.warn("poll of {} still running after the revocation wait; cancelling it", id);
      poll.cancel(true);
    } catch (InterruptedException e) {
      poll.cancel(true);
      Thread.currentThread().interrupt();
    } catch (ExecutionException | CancellationException e) {
      // the poll failed or was cancelled: either way it is over
    }
  }

  /** Lets polls in progress finish for up to {@code bound}, then interrupts them. */
  void shutdown(Duration bound) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("some polls did not finish within {}; interrupting them", bound);
        executor.shutdownNow();
        executor.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Runs on a poll thread. */
  private void pollAndPublish(SourceDefinition source) {
    try {
      PollAttempt attempt = poller.attempt(source);
      PollResult result = attempt.result();
      boolean written = writer.write(result);
      if (written && result instanceof PollResult.Fetched) {
        poller.remember((PollResult.Fetched) result);
      }
      scheduler.record(attempt, clock.instant());
      if (written) {
        listener.polled(result);
      }
    } catch (RuntimeException e) {
      log.error("poll of {} {} failed unexpectedly", source.id(), RedactedUrl.of(source.url()), e);
      // a bug is treated as a retriable failure, so the source backs off instead of spinning
      scheduler.record(PollAttempt.unexpected(source, e, clock.instant()), clock.instant());
    } finally {
      inFlight.remove(source.id());
    }
  }
}
