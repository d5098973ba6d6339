package dev.bellwether.dashboard;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/alerts/stream}: new alerts as server-sent events, each an {@code alert} event
 * whose id is the alert's {@code seq} and whose data is its JSON. A client that reconnects with
 * {@code Last-Event-ID} (or {@code lastEventId=} in the query) first gets what it missed (from the
 * alerts held); {@code html=true} adds each alert as the feed page renders it. A comment every 15 s
 * keeps idle connections open through proxies.
 *
 * <p>Nothing here blocks the feed: each client has a bounded queue drained on a thread of its own
 * while it has something to send; a client that falls {@value #QUEUE} alerts behind is disconnected
 * (its browser reconnects and catches up from {@code Last-Event-ID}). At most {@code maxClients}
 * streams are open at once; beyond that the answer is 503.
 */
public final class AlertStream implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AlertStream.class);
  static final int QUEUE = 1_000;
  static final long HEARTBEAT_SECONDS = 15;

  /** How long {@link #close()} waits for the server to finish the streams' responses. */
  static final Duration FINISH = Duration.ofSeconds(5);

  /** How many missed alerts a reconnecting client is sent at most. */
  static final int CATCH_UP = 1_000;

  private final AlertLog alerts;
  private final Clock clock;
  private final int maxClients;
  private final Set<Client> clients = ConcurrentHashMap.newKeySet();

  /** Streams whose responses the server has not finished yet (a client may already be gone). */
  private final Set<Client> open = ConcurrentHashMap.newKeySet();

  private final ThreadPoolExecutor senders;
  private final ScheduledExecutorService heartbeat;
  private final AutoCloseable subscription;
  private final AtomicBoolean closed = new AtomicBoolean();

  public AlertStream(AlertLog alerts, Clock clock, int maxClients) {
    this.alerts = alerts;
    this.clock = clock;
    this.maxClients = maxClients;
    this.senders =
        new ThreadPoolExecutor(
            0,
            maxClients,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> daemon(r, "bellwether-dashboard-sse"));
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "bellwether-dashboard-sse-ping"));
    heartbeat.scheduleAtFixedRate(
        this::ping, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    this.subscription = alerts.subscribe(this::offer);
  }

  /** How many streams are open. */
  public int clients() {
    return clients.size();
  }

  /**
   * Checks the request before the stream starts: 400 for a filter that cannot be used, 503 when too
   * many streams are open. Runs as a before-handler of the stream's path.
   */
  void admit(Context ctx) {
    AlertFilter.parse(ctx::queryParam);
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      ctx.status(HttpStatus.NOT_ACCEPTABLE)
          .contentType("application/json")
          .result(
              DashboardJson.error(
                  "this is a server-sent event stream: ask with Accept: text/event-stream"));
      ctx.skipRemainingHandlers();
    } else if (clients.size() >= maxClients) {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header("Retry-After", "5")
          .contentType("application/json")
          .result(DashboardJson.error("too many open alert streams (" + maxClients + ")"));
      ctx.skipRemainingHandlers();
    }
  }

  /**
   * Serves one stream until the client goes away or the stream is closed, holding the request's
   * thread (one of Javalin's async threads, never a Jetty selector) meanwhile. Holding it, rather
   * than {@link SseClient#keepAlive()}, is what lets {@link #close()} end a stream: completing
   * keepAlive's future after the server recycled the request sends Javalin 7 into an endless
   * exception loop (issue 21).
   */
  void serve(SseClient sse) {
    Context ctx = sse.ctx();
    AlertFilter filter = AlertFilter.parse(ctx::queryParam);
    long after = lastEventId(ctx.header("Last-Event-ID"), ctx.queryParam("lastEventId"));
    Client client = new Client(sse, filter, "true".equals(ctx.queryParam("html")));
    sse.onClose(client::ended);
    if (ctx.req().isAsyncStarted()) {
      ctx.req().getAsyncContext().addListener(client);
    } else {
      client.finished.countDown();
    }
    open.add(client);
    clients.add(client);
    if (closed.get()) {
      client.ended();
      return;
    }
    client.send(() -> sse.sendComment("bellwether alerts; last seq " + alerts.lastSeq()));
    if (after >= 0) {
      List<AlertEntry> missed = alerts.since(after, filter, clock.instant(), CATCH_UP);
      missed.forEach(client::enqueue);
    }
    client.awaitEnd();
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      subscription.close();
    } catch (Exception e) {
      log.debug("Unsubscribing the stream failed", e);
    }
    heartbeat.shutdownNow();
    clients.forEach(Client::ended);
    clients.clear();
    awaitFinished();
    senders.shutdownNow();
  }

  /**
   * Waits, at most {@link #FINISH}, until the server has finished every stream's response: the
   * server must not stop under a response Javalin is still completing (issue 21).
   */
  private void awaitFinished() {
    long deadline = System.nanoTime() + FINISH.toNanos();
    for (Client c : open) {
      try {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !c.finished.await(left, TimeUnit.NANOSECONDS)) {
          log.info(
              "{} alert stream(s) still finishing after {}; stopping anyway", open.size(), FINISH);
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void offer(AlertEntry entry) {
    for (Client c : clients) {
      if (c.filter.matches(entry, clock.instant())) {
        c.enqueue(entry);
      }
    }
  }

  private void ping() {
    for (Client c : clients) {
      c.send(() -> c.sse.sendComment("ping"));
    }
  }

  private static long lastEventId(@Nullable String header, @Nullable String param) {
    String value = header != null ? header : param;
    if (value == null || value.isBlank()) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** One open stream: its filter, its queue and whether a sender is draining it. */
  private final class Client implements AsyncListener {
    final SseClient sse;
    final AlertFilter filter;
    final BlockingQueue<AlertEntry> queue = new ArrayBlockingQueue<>(QUEUE);
    final AtomicBoolean draining = new AtomicBoolean();
    final CountDownLatch end = new CountDownLatch(1);
    final CountDownLatch finished = new CountDownLatch(1);
    final boolean html;

    Client(SseClient sse, AlertFilter filter, boolean html) {
      this.sse = sse;
      this.filter = filter;
      this.html = html;
    }

    /** The alert's JSON; with {@code html=true}, also as the dashboard's feed shows it. */
    String data(AlertEntry e) {
      var json = DashboardJson.alert(e);
      if (html) {
        json.put("html", Pages.alertItem(e));
      }
      return DashboardJson.write(json);
    }

    void enqueue(AlertEntry entry) {
      if (!queue.offer(entry)) {
        log.info("Closing a slow alert stream ({} alerts behind); it will reconnect", QUEUE);
        ended();
        return;
      }
      drain();
    }

    /**
     * The stream is over, by the client (a write failed), the server or slowness: it is forgotten,
     * and the request's thread returns so that Javalin ends the response itself.
     */
    void ended() {
      clients.remove(this);
      end.countDown();
    }

    @Override
    public void onComplete(AsyncEvent event) {
      open.remove(this);
      finished.countDown();
      ended();
    }

    @Override
    public void onError(AsyncEvent event) {
      ended();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      ended();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      // not restarted
    }

    boolean live() {
      return end.getCount() > 0 && !sse.terminated();
    }

    /** Holds the request's thread until {@link #ended()}. */
    void awaitEnd() {
      try {
        end.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        clients.remove(this);
      }
    }

    void drain() {
      if (!draining.compareAndSet(false, true)) {
        return;
      }
      try {
        senders.execute(
            () -> {
              try {
                AlertEntry next;
                while ((next = queue.poll()) != null && live()) {
                  AlertEntry e = next;
                  send(() -> sse.sendEvent("alert", data(e), Long.toString(e.seq())));
                }
              } finally {
                draining.set(false);
              }
              if (!queue.isEmpty() && live()) {
                drain();
              }
            });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        draining.set(false);
      }
    }

    /** Writes under the client's lock: the sender and the heartbeat never interleave. */
    void send(Runnable write) {
      synchronized (this) {
        if (live()) {
          write.run();
        }
      }
    }
  }
}
