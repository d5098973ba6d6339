package dev.bellwether.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.javalin.Javalin;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 21, point 4: stopping the dashboard and its server with live streams open, closed by their
 * clients or half-closed, ends promptly and quietly (it once logged NullPointerExceptions from
 * {@code SseClient.close} in a loop, gigabytes of them, until the program was halted).
 */
class DashboardStopTest {
  private final AlertLog log = new AlertLog(100);
  private final CountingAppender warnings = new CountingAppender();
  private Dashboard dashboard;
  private Javalin server;

  @BeforeEach
  void start() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    warnings.setContext(root.getLoggerContext());
    warnings.start();
    root.addAppender(warnings);
    dashboard = Dashboard.over(log, () -> true, Clock.systemUTC());
    server = LoopbackServer.start(dashboard.routes());
  }

  @AfterEach
  void detach() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(warnings);
  }

  @Test
  void stopsQuietlyAfterStreamClientsWentAway() throws Exception {
    Socket gone = openStream();
    Socket halfClosed = openStream();
    Socket open = openStream();
    await().atMost(Duration.ofSeconds(10)).until(() -> dashboard.streams() == 3);
    gone.close();
    halfClosed.shutdownOutput();
    Thread.sleep(500);

    assertStopsQuietly();
    open.close();
    halfClosed.close();
  }

  @Test
  void stopsQuietlyWithAStreamStillOpen() throws Exception {
    Socket open = openStream();
    await().atMost(Duration.ofSeconds(10)).until(() -> dashboard.streams() == 1);

    assertStopsQuietly();
    open.close();
  }

  @Test
  void stopsQuietlyWhenTheServerStopsFirst() throws Exception {
    Socket gone = openStream();
    Socket open = openStream();
    await().atMost(Duration.ofSeconds(10)).until(() -> dashboard.streams() == 2);
    gone.close();
    Thread.sleep(500);

    CompletableFuture<Void> stop =
        CompletableFuture.runAsync(
            () -> {
              server.stop();
              dashboard.close();
            });
    stop.get(20, TimeUnit.SECONDS);
    Thread.sleep(500);
    assertThat(warnings.count()).as(warnings.first()).isZero();
    open.close();
  }

  @Test
  void aStreamWhoseClientLeftEndsAtTheNextAlertAndTheServerStillStopsQuietly() throws Exception {
    Socket gone = openStream();
    await().atMost(Duration.ofSeconds(10)).until(() -> dashboard.streams() == 1);
    gone.close();

    for (int i = 0; i < 50 && dashboard.streams() > 0; i++) {
      log.add(TestAlerts.funding("s" + i, 1, "OpenAI"), java.time.Instant.now());
      Thread.sleep(100);
    }

    assertThat(dashboard.streams()).isZero();
    assertStopsQuietly();
  }

  private void assertStopsQuietly() throws Exception {
    CompletableFuture<Void> stop =
        CompletableFuture.runAsync(
            () -> {
              dashboard.close();
              server.stop();
            });
    stop.get(20, TimeUnit.SECONDS);
    Thread.sleep(500);
    assertThat(warnings.count()).as(warnings.first()).isZero();
  }

  private Socket openStream() throws Exception {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(10_000);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET /api/alerts/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Accept: text/event-stream\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = socket.getInputStream();
    byte[] head = new byte[64];
    assertThat(in.read(head)).isPositive();
    return socket;
  }

  /** Counts warnings and errors logged anywhere while a test runs. */
  private static final class CountingAppender extends AppenderBase<ILoggingEvent> {
    private final AtomicInteger count = new AtomicInteger();
    private volatile String first = "no warnings";

    @Override
    protected void append(ILoggingEvent event) {
      if (event.getLevel().isGreaterOrEqual(Level.WARN) && count.getAndIncrement() == 0) {
        first = event.getLoggerName() + ": " + event.getFormattedMessage();
      }
    }

    int count() {
      return count.get();
    }

    String first() {
      return first;
    }
  }
}
