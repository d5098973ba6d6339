package dev.bellwether.ingest.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bellwether.ingest.feed.FeedParser;
import dev.bellwether.ingest.http.HttpSettings;
import dev.bellwether.ingest.http.PolitenessSettings;
import dev.bellwether.ingest.http.RobotsCache;
import dev.bellwether.ingest.http.SafeHttpClient;
import dev.bellwether.ingest.poll.FeedPoller;
import dev.bellwether.ingest.poll.PollAttempt;
import dev.bellwether.ingest.poll.PollResult;
import dev.bellwether.ingest.poll.SourceScheduler;
import dev.bellwether.ingest.source.SourceDefinition;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Polling throughput and memory of the ingest poll path, not a test: run {@code main} by hand and
 * record the output in docs/benchmarks.md.
 *
 * <p>A loopback server serves N feeds (two items, with an ETag) and answers 304 when the ETag comes
 * back. The harness drives {@link SourceScheduler} and {@link FeedPoller} (robots.txt on, per-host
 * limits off, since every feed is on 127.0.0.1) on a pool of poll threads exactly as the worker
 * does, minus Kafka, which a 304 never touches. A clock of its own jumps 31 s whenever no poll is
 * due or running, so sources are due again as soon as a round is over. Then it holds 10,000 sources
 * with their schedules, statistics, seen items and validators, and reports the heap they take.
 *
 * <p>Arguments: {@code [sources=2000] [seconds=30] [pollThreads=4]}.
 */
public final class PollingBench {
  private static final Instant START = Instant.parse("2025-06-05T12:00:00Z");

  private PollingBench() {}

  public static void main(String[] args) throws Exception {
    int sources = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    HttpServer server = server();
    try {
      throughput(server, sources, Duration.ofSeconds(seconds), threads);
      memory(server, 10_000, threads);
    } finally {
      server.stop(0);
    }
  }

  private static void throughput(HttpServer server, int n, Duration measure, int threads)
      throws InterruptedException {
    Harness harness = new Harness(threads);
    harness.add(server, n);
    long firstStart = System.nanoTime();
    harness.runUntilPolled(n); // the first round: 200 and parsing for every feed
    double firstMinutes = (System.nanoTime() - firstStart) / 60e9;
    System.out.printf(
        "first round (200 + parse): %d polls in %.1f s, %.0f polls/min%n",
        n, firstMinutes * 60, n / firstMinutes);
    harness.runUntilPolled(3L * n); // warm-up: two rounds of 304
    long before = harness.polls.sum();
    long notModifiedBefore = harness.notModified.sum();
    long start = System.nanoTime();
    harness.runFor(measure);
    double minutes = (System.nanoTime() - start) / 60e9;
    long polls = harness.polls.sum() - before;
    long notModified = harness.notModified.sum() - notModifiedBefore;
    System.out.printf(
        "throughput: %d sources, %d poll threads, %.1f s measured: %d polls, %.0f polls/min,"
            + " %.1f%% answered 304%n",
        n, threads, minutes * 60, polls, polls / minutes, 100.0 * notModified / polls);
    System.out.println("errors by kind: " + harness.errors());
    harness.close();
  }

  private static void memory(HttpServer server, int n, int threads) throws InterruptedException {
    long baseline = usedHeapAfterGc();
    Harness harness = new Harness(threads);
    harness.add(server, n);
    harness.runUntilPolled(2L * n);
    long used = usedHeapAfterGc() - baseline;
    System.out.printf(
        "memory: %d sources held (schedule, stats, seen items, validators, robots): %.1f MiB,"
            + " %.0f bytes a source (%d scheduled)%n",
        n, used / 1048576.0, (double) used / n, harness.scheduler.size());
    harness.close();
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The worker's poll path without Kafka. */
  private static final class Harness {
    final AtomicReference<Instant> now = new AtomicReference<>(START);
    final Clock clock = new JumpingClock(now);
    final SourceScheduler scheduler =
        new SourceScheduler(PolitenessSettings.defaults().withoutHostLimits(), () -> 0.5);
    final SafeHttpClient http = new SafeHttpClient(HttpSettings.defaults());
    final FeedPoller poller =
        new FeedPoller(
            http,
            new FeedParser(),
            clock,
            true,
            new RobotsCache(http, clock, Duration.ofHours(6), Duration.ofMinutes(15)));
    final ExecutorService pool;
    final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    final LongAdder polls = new LongAdder();
    final LongAdder notModified = new LongAdder();

    Harness(int threads) {
      pool = Executors.newFixedThreadPool(threads);
    }

    void add(HttpServer server, int n) {
      int port = server.getAddress().getPort();
      for (int i = 0; i < n; i++) {
        URI url = URI.create("http://127.0.0.1:" + port + "/f/" + i);
        SourceDefinition source =
            new SourceDefinition("s" + i, "rss", "Bench " + i, url, Duration.ofSeconds(30), true);
        scheduler.put(source, i % 6, now.get());
      }
    }

    void runFor(Duration duration) {
      long end = System.nanoTime() + duration.toNanos();
      while (System.nanoTime() < end) {
        step();
      }
    }

    void runUntilPolled(long total) {
      while (polls.sum() < total) {
        step();
      }
      while (!inFlight.isEmpty()) {
        LockSupport.parkNanos(1_000_000);
      }
    }

    private void step() {
      List<SourceDefinition> due = scheduler.takeDue(now.get(), inFlight::contains);
      if (due.isEmpty()) {
        if (inFlight.isEmpty()) {
          now.updateAndGet(t -> t.plusSeconds(31));
        } else {
          LockSupport.parkNanos(200_000);
        }
        return;
      }
      for (SourceDefinition source : due) {
        inFlight.add(source.id());
        pool.execute(() -> poll(source));
      }
    }

    private void poll(SourceDefinition source) {
      try {
        PollAttempt attempt = poller.attempt(source);
        if (attempt.result() instanceof PollResult.Fetched) {
          poller.remember((PollResult.Fetched) attempt.result());
        } else if (attempt.result() instanceof PollResult.NotModified) {
          notModified.increment();
        }
        scheduler.record(attempt, now.get());
        polls.increment();
      } finally {
        inFlight.remove(source.id());
      }
    }

    java.util.Map<String, Long> errors() {
      java.util.Map<String, Long> errors = new java.util.TreeMap<>();
      scheduler
          .stats()
          .sources()
          .values()
          .forEach(
              stats ->
                  stats
                      .errorsByKind()
                      .forEach((kind, count) -> errors.merge(kind, count, Long::sum)));
      return errors;
    }

    void close() throws InterruptedException {
      pool.shutdown();
      pool.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  private static HttpServer server() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/f/", PollingBench::serveFeed);
    return startServer(server);
  }

  private static HttpServer startServer(HttpServer server) {
    server.start();
    return server;
  }

  private static void serveFeed(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String etag = "\"" + path.hashCode() + "\"";
      if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      byte[] body = feed(path).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
      exchange.getResponseHeaders().set("ETag", etag);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String feed(String path) {
    List<String> items = new ArrayList<>();
    for (int n = 1; n <= 2; n++) {
      items.add(
          "<item><title>Story "
              + n
              + "</title><link>https://news.test"
              + path
              + "/story-"
              + n
              + "</link></item>");
    }
    return "<rss version=\"2.0\"><channel><title>bench</title>"
        + String.join("", items)
        + "</channel></rss>";
  }

  /** A clock the harness moves forward. */
  private static final class JumpingClock extends Clock {
    private final AtomicReference<Instant> now;

    JumpingClock(AtomicReference<Instant> now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
