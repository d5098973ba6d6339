package dev.bellwether.app;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a role running until SIGINT/SIGTERM, then closes it before the JVM exits. */
final class RoleRunner {
  private static final Logger log = LoggerFactory.getLogger(RoleRunner.class);

  private RoleRunner() {}

  static void runUntilShutdown(String role, AutoCloseable component) throws InterruptedException {
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
    log.info("Bellwether {} is running; Ctrl-C stops it", role);
    try {
      stop.await();
      log.info("Stopping {}", role);
    } finally {
      try {
        component.close();
      } catch (Exception e) {
        log.warn("Closing {} failed: {}", role, e.toString());
      }
      closed.countDown();
    }
  }
}
