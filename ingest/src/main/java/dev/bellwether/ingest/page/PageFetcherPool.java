package dev.bellwether.ingest.page;

import dev.bellwether.ingest.work.Threads;
import dev.bellwether.schemas.avro.FeedItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the pages of one batch of items concurrently on a small fixed pool, so the consumer thread
 * only waits for the batch, and never longer than the batch's time: a page not read by then is
 * cancelled and its item falls back to the feed summary. Every item gets exactly one outcome.
 */
final class PageFetcherPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PageFetcherPool.class);

  private final PageReader reader;
  private final Clock clock;
  private final Duration batchTime;
  private final PageFetcherStats.Recorder stats;
  private final ExecutorService executor;

  PageFetcherPool(
      PageReader reader,
      Clock clock,
      Duration batchTime,
      int threads,
      PageFetcherStats.Recorder stats) {
    this.reader = reader;
    this.clock = clock;
    this.batchTime = batchTime;
    this.stats = stats;
    this.executor =
        Executors.newFixedThreadPool(threads, Threads.daemons("bellwether-fetch-page-"));
  }

  /**
   * The outcome of each item's page, in the order of {@code items}.
   *
   * @throws InterruptedException if the calling thread is interrupted (shutting down): the reads
   *     are cancelled and the batch must not be committed
   */
  List<PageOutcome> readAll(List<FeedItem> items) throws InterruptedException {
    Instant deadline = clock.instant().plus(batchTime);
    long deadlineNanos = System.nanoTime() + batchTime.toNanos();
    List<Future<PageOutcome>> reads = new ArrayList<>(items.size());
    for (FeedItem item : items) {
      reads.add(executor.submit(() -> reader.read(item, deadline)));
    }
    List<PageOutcome> outcomes = new ArrayList<>(items.size());
    try {
      for (int i = 0; i < items.size(); i++) {
        outcomes.add(await(items.get(i), reads.get(i), deadlineNanos));
      }
    } catch (InterruptedException e) {
      reads.forEach(read -> read.cancel(true));
      throw e;
    }
    outcomes.forEach(this::count);
    return outcomes;
  }

  private PageOutcome await(FeedItem item, Future<PageOutcome> read, long deadlineNanos)
      throws InterruptedException {
    try {
      return read.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | CancellationException e) {
      read.cancel(true);
      log.warn(
          "item {} {}: page not read within the batch's {}; text from the feed summary",
          item.getId(),
          item.getUrl(),
          batchTime);
      return new PageOutcome.Fallback(FallbackReason.batchTimeSpent(batchTime), batchTime);
    } catch (ExecutionException e) {
      RuntimeException cause = new IllegalStateException(e.getCause());
      return new PageOutcome.Fallback(FallbackReason.internal(cause), Duration.ZERO);
    }
  }

  private void count(PageOutcome outcome) {
    if (outcome instanceof PageOutcome.Page page) {
      stats.fetched(page.bytes(), page.latency());
    } else {
      stats.fellBack(((PageOutcome.Fallback) outcome).reason(), outcome.latency());
    }
  }

  /** Interrupts reads in progress and stops the threads. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
