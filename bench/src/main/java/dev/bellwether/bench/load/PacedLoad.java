package dev.bellwether.bench.load;

import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.FeedItem;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Items published at a steady rate onto {@code bellwether.discovered}, each stamped with its
 * publish time as the record timestamp, while a read_committed consumer of {@code
 * bellwether.alerts} records how long after its item's publication each alert became visible.
 */
final class PacedLoad {
  /** What one paced run gave. */
  record Outcome(
      double targetRate,
      double achievedRate,
      long sent,
      LatencyRecorder latency,
      long alertsSeen,
      long alertsWithSentTimestamp) {}

  private final String bootstrap;
  private final ArticleGenerator generator;
  private final int lingerMs;

  /**
   * A paced load whose producer has the ingest workers' settings (idempotent, acks=all) and {@code
   * lingerMs}: a record waits at most that long for others to share its request, and that wait
   * counts in its latency (its timestamp is taken before it is sent).
   */
  PacedLoad(String bootstrap, ArticleGenerator generator, int lingerMs) {
    this.bootstrap = bootstrap;
    this.generator = generator;
    this.lingerMs = lingerMs;
  }

  /**
   * Publishes at {@code rate} items/s for {@code warmup + measured}, records the alerts of the
   * items published after the warm-up, then waits at most {@code drain} for the last alerts.
   */
  Outcome run(double rate, Duration warmup, Duration measured, Duration drain, Runnable awaitIdle) {
    Set<Long> sentTimes = ConcurrentHashMap.newKeySet();
    long startMillis = System.currentTimeMillis();
    LatencyRecorder latency = new LatencyRecorder(startMillis + warmup.toMillis());
    AlertWatcher watcher = new AlertWatcher(bootstrap, latency, sentTimes);
    Thread watching = new Thread(watcher, "alert-watcher");
    watching.start();
    watcher.awaitAssigned();
    long sent;
    double achieved;
    try (KafkaProducer<String, FeedItem> producer = producer()) {
      long t0 = System.nanoTime();
      long end = t0 + warmup.plus(measured).toNanos();
      long k = 0;
      while (true) {
        long due = t0 + (long) (k * 1e9 / rate);
        if (due >= end) {
          break;
        }
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        FeedItem item = generator.next();
        long now = System.currentTimeMillis();
        sentTimes.add(now);
        producer.send(
            new ProducerRecord<>(Topics.DISCOVERED.name(), null, now, item.getId(), item));
        k++;
      }
      producer.flush();
      sent = k;
      achieved = k / ((System.nanoTime() - t0) / 1e9);
    }
    awaitIdle.run();
    watcher.stopAfter(Duration.ofSeconds(1).compareTo(drain) < 0 ? Duration.ofSeconds(1) : drain);
    joinBounded(watching, drain.plusSeconds(5));
    return new Outcome(rate, achieved, sent, latency, watcher.seen, watcher.matched);
  }

  private KafkaProducer<String, FeedItem> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
    return new KafkaProducer<>(p, new StringSerializer(), BellwetherSerdes.feedItem().serializer());
  }

  private static void joinBounded(Thread thread, Duration bound) {
    try {
      thread.join(bound.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads the alerts topic from its end, read_committed, and records each alert's latency. */
  private static final class AlertWatcher implements Runnable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final LatencyRecorder latency;
    private final Set<Long> sentTimes;
    private final AtomicBoolean assigned = new AtomicBoolean();
    private volatile long stopAt = Long.MAX_VALUE;
    private volatile long seen;
    private volatile long matched;

    AlertWatcher(String bootstrap, LatencyRecorder latency, Set<Long> sentTimes) {
      Properties p = new Properties();
      p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      this.consumer =
          new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
      this.latency = latency;
      this.sentTimes = sentTimes;
    }

    @Override
    public void run() {
      try (consumer) {
        List<TopicPartition> partitions =
            consumer.partitionsFor(Topics.ALERTS.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        synchronized (assigned) {
          assigned.set(true);
          assigned.notifyAll();
        }
        while (System.currentTimeMillis() < stopAt) {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
            see(r, System.currentTimeMillis());
          }
        }
      }
    }

    private void see(ConsumerRecord<byte[], byte[]> r, long now) {
      seen++;
      if (r.timestampType() == TimestampType.CREATE_TIME && sentTimes.contains(r.timestamp())) {
        matched++;
      }
      latency.record(r.timestamp(), now);
    }

    void awaitAssigned() {
      long deadline = System.currentTimeMillis() + 30_000;
      synchronized (assigned) {
        while (!assigned.get() && System.currentTimeMillis() < deadline) {
          try {
            assigned.wait(1000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
      if (!assigned.get()) {
        throw new IllegalStateException("the alerts consumer was not assigned within 30 s");
      }
    }

    void stopAfter(Duration grace) {
      stopAt = System.currentTimeMillis() + grace.toMillis();
    }
  }
}
