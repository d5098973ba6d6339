package dev.bellwether.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a request to stop, not as the JVM's exit: the role then closes its parts in
 * order on the main thread and the process exits 0 (the JVM's own handling would exit 143 or 130).
 * A watchdog halts the process with exit code 1 if stopping takes longer than {@link #BOUND}.
 */
final class ShutdownSignals {
  /**
   * The longest a role takes to stop after SIGTERM. The parts' own bounds fit within it: Kafka
   * Streams 30 s, the page fetcher 22 s, the pollers 60 s (polls in flight finished and written),
   * the ops server and the embedded broker a few seconds.
   */
  static final Duration BOUND = Duration.ofSeconds(75);

  private static final Logger log = LoggerFactory.getLogger(ShutdownSignals.class);

  private ShutdownSignals() {}

  /** Whether SIGTERM or SIGINT has come. */
  private static final AtomicBoolean requested = new AtomicBoolean();

  private static final AtomicBoolean installed = new AtomicBoolean();

  /** What a signal runs: nothing but the watchdog until a role is up and says how it stops. */
  private static volatile @Nullable Runnable onStop;

  /**
   * Takes SIGTERM and SIGINT from now on, before a long-running command has started its parts: a
   * signal during start-up is remembered (and the watchdog started), and the role stops as soon as
   * it is up, with exit 0, instead of the JVM's exit 143 half-way through starting.
   */
  static void installEarly() {
    if (!installed.compareAndSet(false, true)) {
      return;
    }
    for (String name : List.of("TERM", "INT")) {
      try {
        Signal.handle(new Signal(name), signal -> signalled());
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        log.debug("cannot handle SIG{}: {}", name, e.toString());
      }
    }
  }

  private static void signalled() {
    boolean first = requested.compareAndSet(false, true);
    Runnable stop = onStop;
    if (stop != null) {
      stop.run();
    } else if (first) {
      log.info("Stop requested while starting; stopping once started");
      startWatchdog("bellwether");
    }
  }

  /**
   * Runs {@code stop} (on a signal thread) on SIGTERM or SIGINT, or at once when one came during
   * start-up. {@code stop} may run more than once. Where a signal cannot be handled (the JVM runs
   * with -Xrs, say) the JVM's shutdown hooks still stop the role.
   */
  static void onTermOrInt(Runnable stop) {
    installEarly();
    onStop = stop;
    if (requested.get()) {
      stop.run();
    }
  }

  /** Halts the process with exit code 1 if it is still running {@link #BOUND} from now. */
  static void startWatchdog(String role) {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(BOUND.toMillis());
              } catch (InterruptedException e) {
                return;
              }
              log.error("{} did not stop within {} s; halting", role, BOUND.toSeconds());
              Runtime.getRuntime().halt(1);
            },
            "bellwether-" + role + "-stop-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
