package dev.bellwether.dashboard;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
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

  /** How many missed alerts a reconnecting client is sent at most. */
  static final int CATCH_UP = 1_000;

  private final AlertLog alerts;
  private final Clock clock;
  private final int maxClients;
  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  private final ThreadPoolExecutor senders;
  private final ScheduledExecutorService heartbeat;
  private final AutoCloseable subscription;

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

  /** Serves one stream until the client goes away. */
  void serve(SseClient sse) {
    Context ctx = sse.ctx();
    AlertFilter filter = AlertFilter.parse(ctx::queryParam);
    long after = lastEventId(ctx.header("Last-Event-ID"), ctx.queryParam("lastEventId"));
    sse.keepAlive();
    Client client = new Client(sse, filter, "true".equals(ctx.queryParam("html")));
    clients.add(client);
    sse.onClose(() -> clients.remove(client));
    sse.sendComment("bellwether alerts; last seq " + alerts.lastSeq());
    if (after >= 0) {
      List<AlertEntry> missed = alerts.since(after, filter, clock.instant(), CATCH_UP);
      missed.forEach(client::enqueue);
    }
  }

  @Override
  public void close() {
    try {
      subscription.close();
    } catch (Exception e) {
      log.debug("Unsubscribing the stream failed", e);
    }
    heartbeat.shutdownNow();
    clients.forEach(c -> c.sse.close());
    clients.clear();
    senders.shutdownNow();
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
  private final class Client {
    final SseClient sse;
    final AlertFilter filter;
    final BlockingQueue<AlertEntry> queue = new ArrayBlockingQueue<>(QUEUE);
    final AtomicBoolean draining = new AtomicBoolean();
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
        clients.remove(this);
        sse.close();
        return;
      }
      drain();
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
                while ((next = queue.poll()) != null && !sse.terminated()) {
                  AlertEntry e = next;
                  send(() -> sse.sendEvent("alert", data(e), Long.toString(e.seq())));
                }
              } finally {
                draining.set(false);
              }
              if (!queue.isEmpty() && !sse.terminated()) {
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
        if (!sse.terminated()) {
          write.run();
        }
      }
    }
  }
}
