package dev.bellwether.app;

import dev.bellwether.app.ops.RoleOps;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a role running until SIGTERM or SIGINT, then closes it within {@link
 * ShutdownSignals#BOUND}: the role reports not ready at once, stops its work (see each role's
 * {@code close}) and the command returns, so the process exits 0. A JVM exit for another reason
 * closes the role from a shutdown hook instead.
 */
final class RoleRunner {
  private static final Logger log = LoggerFactory.getLogger(RoleRunner.class);

  private RoleRunner() {}

  static void runUntilShutdown(String role, AutoCloseable component, RoleOps ops)
      throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                closed.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "bellwether-" + role + "-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    ShutdownSignals.onTermOrInt(stop::countDown);
    ops.started();
    log.info("Bellwether {} is running; SIGTERM or Ctrl-C stops it", role);
    try {
      stop.await();
      log.info("Stopping {}", role);
      ops.stopping();
      ShutdownSignals.startWatchdog(role);
    } finally {
      try {
        component.close();
        log.info("Stopped {}", role);
      } catch (Exception e) {
        log.warn("Closing {} failed: {}", role, e.toString());
      }
      closed.countDown();
    }
  }
}
