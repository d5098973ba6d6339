package dev.bellwether.bench.load;

import dev.bellwether.localkafka.LocalKafka;
import dev.bellwether.processors.ProcessorsRunner;
import dev.bellwether.processors.metrics.ProcessorsMetrics;
import dev.bellwether.schemas.TopicInstaller;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.FeedItem;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/** One broker in a directory of its own, its topics, and the Streams applications run on it. */
final class LoadRun implements AutoCloseable {
  private static final Duration STATE_WAIT = Duration.ofSeconds(120);

  private final Path dir;
  private final LocalKafka kafka;
  private final Admin admin;

  /**
   * A Streams application measured from start to having processed all its input: when it was
   * started, when its state became RUNNING, when its group first committed on its inputs (and how
   * many input records were still uncommitted then), when it had caught up, and the process's CPU
   * time over the whole.
   */
  record Drained(
      long startNanos,
      long runningNanos,
      long firstCommitNanos,
      long leftAtFirstCommit,
      long drainedNanos,
      long cpuNanos) {
    double secondsFromRunning() {
      return (drainedNanos - runningNanos) / 1e9;
    }

    double secondsFromStart() {
      return (drainedNanos - startNanos) / 1e9;
    }

    /**
     * Input records per second from the group's first commit to caught up. With several stream
     * threads the state becomes RUNNING only when the last thread has its tasks, while the first
     * ones are already processing, so time from RUNNING overstates the rate; the first commit is
     * seen the same way whatever the threads.
     */
    double rate() {
      return leftAtFirstCommit / ((drainedNanos - firstCommitNanos) / 1e9);
    }
  }

  private LoadRun(Path dir, LocalKafka kafka, Admin admin) {
    this.dir = dir;
    this.kafka = kafka;
    this.admin = admin;
  }

  static LoadRun start(Path dir) {
    LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"), 0);
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    Admin admin = Admin.create(p);
    TopicInstaller.ensure(admin, Topics.all());
    int partitions = Topics.DISCOVERED.partitions();
    try {
      admin
          .createTopics(
              Stream.concat(
                      Stream.of(PassThroughTopology.INPUT, PassThroughTopology.OUTPUT),
                      StageLadder.OUTPUTS.stream())
                  .map(name -> new NewTopic(name, partitions, (short) 1))
                  .toList())
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create the pass-through topics", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    LoadRun run = new LoadRun(dir, kafka, admin);
    run.awaitLeaders();
    return run;
  }

  /** The records a topic has had: the sum of its partitions' end offsets (markers included). */
  long messages(String topic) {
    try {
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      admin
          .describeTopics(Set.of(topic))
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .get(topic)
          .partitions()
          .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      long sum = 0;
      for (var end : admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).values()) {
        sum += end.offset();
      }
      return sum;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the end offsets of " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Waits until every partition of every topic has a leader: a producer that writes to a partition
   * created a moment ago can be told it is not the leader and then trip over its own sequence
   * numbers.
   */
  private void awaitLeaders() {
    long deadline = System.nanoTime() + STATE_WAIT.toNanos();
    while (!allLed()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("partitions without a leader after " + STATE_WAIT);
      }
      sleep(100);
    }
  }

  private boolean allLed() {
    try {
      Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      return admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
          .flatMap(d -> d.partitions().stream())
          .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  String bootstrap() {
    return kafka.bootstrapServers();
  }

  Path stateDir(String appId) {
    return dir.resolve("state").resolve(appId);
  }

  /**
   * Writes {@code items} generated items to {@code bellwether.discovered} and the same bytes to the
   * pass-through input, keyed by item id, stamped with the time of writing.
   */
  void preload(ArticleGenerator generator, int items) {
    Serializer<FeedItem> serializer = BellwetherSerdes.feedItem().serializer();
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    // Not idempotent: on a partition created moments ago the broker can answer "not the leader"
    // and then refuse the idempotent producer's retry as out of sequence, stalling it for minutes.
    // One request in flight keeps the order; a duplicate after a lost response is dropped by
    // dedupe.
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < items; i++) {
        FeedItem item = generator.next();
        byte[] key = item.getId().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] value = serializer.serialize(Topics.DISCOVERED.name(), item);
        long now = System.currentTimeMillis();
        producer.send(new ProducerRecord<>(Topics.DISCOVERED.name(), null, now, key, value));
        producer.send(new ProducerRecord<>(PassThroughTopology.INPUT, null, now, key, value));
      }
      producer.flush();
    }
  }

  /** The processors' own Streams configuration, with this run's application id and threads. */
  Properties streamsConfig(String appId, int threads, int commitIntervalMs) {
    Properties config =
        ProcessorsRunner.config(
            dev.bellwether.schemas.KafkaConnection.of(kafka.bootstrapServers()), stateDir(appId));
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
    config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
    config.put(ProcessorsMetrics.REGISTRY_CONFIG, new CompositeMeterRegistry());
    return config;
  }

  /** Starts the application and waits until it is running. */
  KafkaStreams startStreams(Topology topology, Properties config) {
    KafkaStreams streams = new KafkaStreams(topology, config);
    streams.start();
    awaitState(streams, KafkaStreams.State.RUNNING);
    return streams;
  }

  /**
   * Starts the application and waits until it has committed past everything on its input topics
   * (the named ones and its own repartition topics).
   */
  Drained runToEnd(KafkaStreams streams, String appId, List<String> inputs, Duration bound) {
    GroupProgress progress = new GroupProgress(admin, appId);
    Set<String> topics = Set.copyOf(inputs);
    long before = progress.lag(topics);
    long cpu0 = Machine.cpuNanos();
    long start = System.nanoTime();
    streams.start();
    long deadline = start + STATE_WAIT.toNanos();
    long running = 0;
    long firstCommit = 0;
    long left = before;
    while (running == 0 || firstCommit == 0) {
      long now = System.nanoTime();
      KafkaStreams.State state = streams.state();
      if (now > deadline || state == KafkaStreams.State.ERROR) {
        throw new IllegalStateException(
            appId + " is " + state + " and has not committed after " + STATE_WAIT);
      }
      if (running == 0 && state == KafkaStreams.State.RUNNING) {
        running = now;
      }
      if (firstCommit == 0) {
        long lag = progress.lag(topics);
        if (lag < before) {
          firstCommit = System.nanoTime();
          left = lag;
        }
      }
      sleep(20);
    }
    awaitIdle(appId, inputs, bound);
    long drained = System.nanoTime();
    return new Drained(start, running, firstCommit, left, drained, Machine.cpuNanos() - cpu0);
  }

  /** Waits until the group has committed past everything on its inputs, at most {@code bound}. */
  void awaitIdle(String appId, List<String> inputs, Duration bound) {
    GroupProgress progress = new GroupProgress(admin, appId);
    long deadline = System.nanoTime() + bound.toNanos();
    Set<String> topics = Set.copyOf(withRepartitionTopics(appId, inputs));
    while (progress.lag(topics) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(appId + " did not catch up within " + bound);
      }
      sleep(50);
    }
  }

  private List<String> withRepartitionTopics(String appId, List<String> inputs) {
    List<String> all = new ArrayList<>(inputs);
    try {
      for (String name : admin.listTopics().names().get(30, TimeUnit.SECONDS)) {
        if (name.startsWith(appId + "-") && name.endsWith("-repartition")) {
          all.add(name);
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot list topics", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return all;
  }

  /** Bytes on disk under the application's state directory, by store name. */
  Map<String, Long> storeBytes(String appId) {
    return StateSizes.byStore(stateDir(appId));
  }

  static void awaitState(KafkaStreams streams, KafkaStreams.State wanted) {
    long deadline = System.nanoTime() + STATE_WAIT.toNanos();
    while (streams.state() != wanted) {
      if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
        throw new IllegalStateException(
            "Streams is " + streams.state() + ", not " + wanted + ", after " + STATE_WAIT);
      }
      sleep(20);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(10));
    kafka.close();
  }
}
