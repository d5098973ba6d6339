package dev.bellwether.ingest.work;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * The threads of the ingest workers: each worker's consumer loop runs on a daemon thread of its own
 * and is stopped by waking its consumer and waiting; pools of page and poll threads are daemons
 * too, so a role that fails to close never keeps the JVM alive.
 */
public final class Threads {
  private Threads() {}

  /** Starts {@code loop} on a daemon thread called {@code name}. */
  public static Thread startDaemon(String name, Runnable loop) {
    Thread thread = new Thread(loop, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Daemon threads named {@code prefix1}, {@code prefix2}, … for an executor. */
  public static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Stops a consumer loop whose running flag is already cleared: wakes {@code consumer} (its {@code
   * poll} throws {@code WakeupException}) and waits up to {@code wait} for {@code loop} to end.
   * Returns whether it ended.
   */
  public static boolean wakeAndJoin(Thread loop, Consumer<?, ?> consumer, Duration wait) {
    consumer.wakeup();
    return join(loop, wait);
  }

  /**
   * Waits up to {@code wait} for {@code thread} to end; an interrupt of the caller ends the wait
   * and is kept. Returns whether the thread ended.
   */
  public static boolean join(Thread thread, Duration wait) {
    try {
      thread.join(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !thread.isAlive();
  }

  /** Sleeps {@code pause}; returns {@code false} (the interrupt kept) when interrupted. */
  public static boolean sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
