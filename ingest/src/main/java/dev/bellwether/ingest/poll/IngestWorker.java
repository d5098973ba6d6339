package dev.bellwether.ingest.poll;

import dev.bellwether.ingest.feed.FeedParser;
import dev.bellwether.ingest.http.HttpSettings;
import dev.bellwether.ingest.http.PolitenessSettings;
import dev.bellwether.ingest.http.RedactedUrl;
import dev.bellwether.ingest.http.RobotsCache;
import dev.bellwether.ingest.http.SafeHttpClient;
import dev.bellwether.ingest.metrics.KafkaClientMeters;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.ingest.source.SourceMapper;
import dev.bellwether.ingest.source.SourcesFile;
import dev.bellwether.ingest.work.BadRecords;
import dev.bellwether.ingest.work.Threads;
import dev.bellwether.schemas.KafkaConnection;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.DeadLetter;
import dev.bellwether.schemas.avro.Source;
import dev.bellwether.schemas.serde.AvroSerde;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest role: reads source definitions from {@code bellwether.sources} in consumer group
 * {@value #GROUP_ID}, so instances share the sources by partition, polls each assigned source when
 * due, and writes feed items to {@code bellwether.discovered} and failures to {@code
 * bellwether.dlq}.
 *
 * <p>On assignment the worker reads its partitions of the compacted topic from the beginning and so
 * rebuilds their sources; a tombstone removes a source. It commits no offsets. Partitions move with
 * the cooperative sticky assignor, so a rebalance revokes only the partitions that change hands. On
 * revocation the worker stops scheduling the revoked sources and waits, at most {@link
 * #REVOCATION_WAIT}, for their polls in progress to finish and be written, cancelling any still
 * running then, before the revocation returns: the next owner starts polling them only after that,
 * so no source is polled by two instances at once (unless a poll outlives the wait, or the
 * partition is lost to a session timeout rather than revoked).
 *
 * <p>When each source is due is decided by a {@link SourceScheduler} ({@link PollSchedule}:
 * adaptive interval, backoff, Retry-After; {@link HostThrottle}: per-host rate and Crawl-delay),
 * with the injected clock; robots.txt is checked before each fetch. Polls run on a small pool
 * ({@link PollRunner}) so the consumer thread only ever consumes and schedules. Items are written
 * with an idempotent producer, and a source's validators are kept for the next conditional GET only
 * once its items are acknowledged, so a failed write means the next poll fetches everything again
 * (at least once; {@code processors} deduplicates). {@link #stats()} reads the statistics per
 * source.
 */
public final class IngestWorker implements AutoCloseable, MeterBinder {
  public static final String GROUP_ID = "bellwether-ingest";

  /** The stage of the dead letters written for unusable records on the sources topic. */
  static final String STAGE_SOURCES = "ingest.sources";

  /** The longest a revocation waits for the revoked sources' polls in progress. */
  public static final Duration REVOCATION_WAIT = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(IngestWorker.class);
  private static final Duration CONSUMER_POLL = Duration.ofMillis(200);
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
  private static final int POLL_THREADS = 4;

  private final KafkaConnection kafka;
  private final Clock clock;
  private final FeedPoller poller;
  private final IngestListener listener;
  private final SourceScheduler scheduler;
  private final AvroSerde<Source> sourceSerde = BellwetherSerdes.source();

  // Owned by the consumer thread.
  private final Set<String> reportedBadRecords = new HashSet<>();

  private MeterRegistry meters = new CompositeMeterRegistry();
  private @Nullable KafkaClientMeters clientMeters;
  private volatile boolean running;
  private @Nullable Thread consumerThread;
  private @Nullable PollRunner runner;
  private @Nullable PollResultWriter writer;
  private @Nullable Consumer<String, byte[]> consumer;

  /**
   * @param allowPrivate whether sources may reach loopback and private addresses (the sources
   *     file's {@code network.allow-private}); a source needs this and its own flag
   */
  public IngestWorker(
      KafkaConnection kafka, Clock clock, HttpSettings httpSettings, boolean allowPrivate) {
    this(kafka, clock, new SafeHttpClient(httpSettings), allowPrivate, IngestListener.NONE);
  }

  /** A worker with {@link PolitenessSettings#defaults()}. */
  public IngestWorker(
      KafkaConnection kafka,
      Clock clock,
      SafeHttpClient http,
      boolean allowPrivate,
      IngestListener listener) {
    this(kafka, clock, http, allowPrivate, listener, PolitenessSettings.defaults());
  }

  public IngestWorker(
      KafkaConnection kafka,
      Clock clock,
      SafeHttpClient http,
      boolean allowPrivate,
      IngestListener listener,
      PolitenessSettings politeness) {
    this.kafka = Objects.requireNonNull(kafka, "kafka");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
    RobotsCache robots =
        politeness.obeyRobots()
            ? new RobotsCache(http, clock, politeness.robotsTtl(), politeness.robotsFailureTtl())
            : null;
    this.poller = new FeedPoller(http, new FeedParser(), clock, allowPrivate, robots);
    this.scheduler =
        new SourceScheduler(politeness, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** Statistics of the sources this instance polls now, and refusals since start. */
  public IngestStats stats() {
    return scheduler.stats();
  }

  /**
   * Writes every definition of {@code file} to {@code bellwether.sources}; see {@link
   * SourcePublisher}.
   */
  public static void publishSources(KafkaConnection kafka, SourcesFile file) {
    SourcePublisher.publish(kafka, file);
  }

  public static void publishSources(Producer<String, byte[]> producer, SourcesFile file) {
    SourcePublisher.publish(producer, file);
  }

  /**
   * Counts items published per source and dead letters in {@code registry}, and binds the Kafka
   * client metrics of the producer and consumer there; call before {@link #start()}.
   */
  @Override
  public synchronized void bindTo(MeterRegistry registry) {
    if (running) {
      throw new IllegalStateException("bind meters before start");
    }
    meters = Objects.requireNonNull(registry, "registry");
  }

  /** Connects to Kafka and starts consuming and polling in the background. */
  public synchronized void start() {
    if (running) {
      throw new IllegalStateException("already started");
    }
    running = true;
    KafkaClientMeters clients = new KafkaClientMeters(meters);
    clientMeters = clients;
    Producer<String, byte[]> producer = SourcePublisher.producer(kafka);
    clients.bind(producer);
    PollResultWriter out = new PollResultWriter(producer, clock, meters);
    writer = out;
    runner = new PollRunner(poller, scheduler, out, listener, clock, POLL_THREADS);
    Consumer<String, byte[]> sourcesConsumer = consumer();
    clients.bind(sourcesConsumer);
    consumer = sourcesConsumer;
    consumerThread =
        Threads.startDaemon("bellwether-ingest-sources", () -> consume(sourcesConsumer));
  }

  /**
   * Stops consuming (which revokes this instance's partitions, so their polls in progress are
   * finished and written first), then flushes what was produced.
   */
  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    running = false;
    Threads.wakeAndJoin(
        Objects.requireNonNull(consumerThread),
        Objects.requireNonNull(consumer),
        REVOCATION_WAIT.plus(SHUTDOWN_WAIT));
    Objects.requireNonNull(runner).shutdown(SHUTDOWN_WAIT);
    Objects.requireNonNull(writer).close(SHUTDOWN_WAIT);
    Objects.requireNonNull(clientMeters).close();
  }

  private Consumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(
        kafka.groupConsumerConfig(
            GROUP_ID,
            Map.of(
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                CooperativeStickyAssignor.class.getName())),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  private void consume(Consumer<String, byte[]> consumer) {
    try (consumer) {
      consumer.subscribe(List.of(Topics.SOURCES.name()), rebalanceListener(consumer));
      while (running) {
        pollOnce(consumer);
      }
    } catch (WakeupException | InterruptException e) {
      if (running) {
        log.error("ingest consumer stopped unexpectedly", e);
      }
    } finally {
      log.info("ingest consumer stopped");
    }
  }

  private void pollOnce(Consumer<String, byte[]> consumer) {
    try {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(CONSUMER_POLL)) {
        apply(record);
      }
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (RuntimeException e) {
      log.error("error consuming {}; retrying", Topics.SOURCES.name(), e);
      Threads.sleep(Duration.ofSeconds(1));
    }
    Objects.requireNonNull(runner).startDue();
  }

  private ConsumerRebalanceListener rebalanceListener(Consumer<String, byte[]> consumer) {
    return new ConsumerRebalanceListener() {
      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        log.info("assigned source partitions {}; reading them from the beginning", partitions);
        consumer.seekToBeginning(partitions);
      }

      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        dropSources(partitions);
      }

      @Override
      public void onPartitionsLost(Collection<TopicPartition> partitions) {
        dropSources(partitions);
      }
    };
  }

  /** Stops scheduling the sources of {@code partitions} and waits for their polls in progress. */
  private void dropSources(Collection<TopicPartition> partitions) {
    Set<Integer> revoked = new HashSet<>();
    partitions.forEach(p -> revoked.add(p.partition()));
    List<String> dropped = scheduler.removePartitions(revoked);
    if (dropped.isEmpty()) {
      return;
    }
    Objects.requireNonNull(runner).awaitPolls(dropped, REVOCATION_WAIT);
    dropped.forEach(poller::forget);
    log.info("dropped {} sources of revoked partitions {}", dropped.size(), partitions);
    listener.sourcesChanged(scheduler.ids());
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    String id = record.key();
    if (id == null) {
      reportBadSource(record, "a source record without a key (the source id)");
    } else if (record.value() == null) {
      removeSource(id, record.partition());
    } else {
      SourceDefinition definition = decode(record);
      if (definition != null) {
        putSource(definition, record.partition());
      }
    }
  }

  private @Nullable SourceDefinition decode(ConsumerRecord<String, byte[]> record) {
    try {
      Source source =
          Objects.requireNonNull(sourceSerde.deserialize(record.topic(), record.value()));
      return SourceMapper.fromAvro(source);
    } catch (RuntimeException e) {
      reportBadSource(record, "not a usable source definition: " + e.getMessage());
      return null;
    }
  }

  private void putSource(SourceDefinition definition, int partition) {
    if (scheduler.put(definition, partition, clock.instant())) {
      log.info(
          "source {} {} every {}",
          definition.id(),
          RedactedUrl.of(definition.url()),
          definition.interval());
      listener.sourcesChanged(scheduler.ids());
    }
  }

  private void removeSource(String id, int partition) {
    if (scheduler.removeFrom(id, partition)) {
      poller.forget(id);
      log.info("source {} removed", id);
      listener.sourcesChanged(scheduler.ids());
    }
  }

  private void reportBadSource(ConsumerRecord<String, byte[]> record, String reason) {
    if (!reportedBadRecords.add(record.partition() + "@" + record.offset())) {
      return;
    }
    DeadLetter letter =
        BadRecords.deadLetter(log, STAGE_SOURCES, record, reason, clock.instant())
            .source(record.key(), null)
            .build();
    Objects.requireNonNull(writer).sendDeadLetter(record.key(), letter);
  }
}
