package dev.bellwether.ingest.poll;

import dev.bellwether.ingest.feed.FeedParser;
import dev.bellwether.ingest.http.HttpSettings;
import dev.bellwether.ingest.http.RedactedUrl;
import dev.bellwether.ingest.http.SafeHttpClient;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.ingest.source.SourceMapper;
import dev.bellwether.ingest.source.SourcesFile;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Source;
import dev.bellwether.schemas.serde.AvroSerde;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * rebuilds its sources; on revocation it drops them; a tombstone removes a source. It commits no
 * offsets. A source is polled as soon as it arrives and then every interval, measured with the
 * injected clock. Polls run on a small pool so the consumer thread only ever consumes and
 * schedules. Items are written with an idempotent producer, and a source's validators are kept for
 * the next conditional GET only once its items are acknowledged, so a failed write means the next
 * poll fetches everything again (at least once; {@code processors} deduplicates).
 */
public final class IngestWorker implements AutoCloseable {
  public static final String GROUP_ID = "bellwether-ingest";

  private static final Logger log = LoggerFactory.getLogger(IngestWorker.class);
  private static final Duration CONSUMER_POLL = Duration.ofMillis(200);
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
  private static final int POLL_THREADS = 4;

  private final String bootstrapServers;
  private final Clock clock;
  private final FeedPoller poller;
  private final IngestListener listener;
  private final AvroSerde<Source> sourceSerde = BellwetherSerdes.source();
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  // Owned by the consumer thread.
  private final Map<String, ScheduledSource> sources = new HashMap<>();
  private final Set<String> reportedBadRecords = new HashSet<>();

  private volatile boolean running;
  private @Nullable Thread consumerThread;
  private @Nullable ExecutorService pollers;
  private @Nullable PollResultWriter writer;
  private @Nullable Consumer<String, byte[]> consumer;

  private static final class ScheduledSource {
    final SourceDefinition definition;
    final int partition;
    Instant due;

    ScheduledSource(SourceDefinition definition, int partition, Instant due) {
      this.definition = definition;
      this.partition = partition;
      this.due = due;
    }
  }

  /**
   * @param allowPrivate whether sources may reach loopback and private addresses (the sources
   *     file's {@code network.allow-private}); a source needs this and its own flag
   */
  public IngestWorker(
      String bootstrapServers, Clock clock, HttpSettings httpSettings, boolean allowPrivate) {
    this(
        bootstrapServers,
        clock,
        new SafeHttpClient(httpSettings),
        allowPrivate,
        IngestListener.NONE);
  }

  public IngestWorker(
      String bootstrapServers,
      Clock clock,
      SafeHttpClient http,
      boolean allowPrivate,
      IngestListener listener) {
    this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.poller = new FeedPoller(http, new FeedParser(), clock, allowPrivate);
  }

  /**
   * Writes every definition of {@code file} to {@code bellwether.sources}; see {@link
   * SourcePublisher}.
   */
  public static void publishSources(String bootstrapServers, SourcesFile file) {
    SourcePublisher.publish(bootstrapServers, file);
  }

  public static void publishSources(Producer<String, byte[]> producer, SourcesFile file) {
    SourcePublisher.publish(producer, file);
  }

  /** Connects to Kafka and starts consuming and polling in the background. */
  public synchronized void start() {
    if (running) {
      throw new IllegalStateException("already started");
    }
    running = true;
    writer = new PollResultWriter(SourcePublisher.producer(bootstrapServers), clock);
    pollers = Executors.newFixedThreadPool(POLL_THREADS, threads("bellwether-ingest-poll-"));
    Consumer<String, byte[]> sourcesConsumer = consumer();
    consumer = sourcesConsumer;
    Thread thread = new Thread(() -> consume(sourcesConsumer), "bellwether-ingest-sources");
    thread.setDaemon(true);
    consumerThread = thread;
    thread.start();
  }

  /** Stops consuming, abandons polls in progress and flushes what was already produced. */
  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    running = false;
    Thread thread = Objects.requireNonNull(consumerThread);
    ExecutorService executor = Objects.requireNonNull(pollers);
    PollResultWriter out = Objects.requireNonNull(writer);
    Objects.requireNonNull(consumer).wakeup();
    joinQuietly(thread);
    executor.shutdownNow();
    awaitQuietly(executor);
    out.close(SHUTDOWN_WAIT);
  }

  private Consumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG,
            GROUP_ID,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest"),
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
      sleepQuietly(Duration.ofSeconds(1));
    }
    scheduleDuePolls();
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

  private void dropSources(Collection<TopicPartition> partitions) {
    Set<Integer> revoked = new HashSet<>();
    partitions.forEach(p -> revoked.add(p.partition()));
    List<String> dropped = new ArrayList<>();
    sources.values().removeIf(s -> revoked.contains(s.partition) && dropped.add(s.definition.id()));
    dropped.forEach(poller::forget);
    if (!dropped.isEmpty()) {
      log.info("dropped {} sources of revoked partitions {}", dropped.size(), partitions);
      listener.sourcesChanged(Set.copyOf(sources.keySet()));
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    String id = record.key();
    if (id == null) {
      reportBadSource(record, "a source record without a key (the source id)");
    } else if (record.value() == null) {
      removeSource(id);
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
    ScheduledSource previous = sources.get(definition.id());
    boolean unchanged = previous != null && previous.definition.equals(definition);
    Instant due = unchanged ? previous.due : clock.instant();
    sources.put(definition.id(), new ScheduledSource(definition, partition, due));
    if (!unchanged) {
      log.info(
          "source {} {} every {}",
          definition.id(),
          RedactedUrl.of(definition.url()),
          definition.interval());
      listener.sourcesChanged(Set.copyOf(sources.keySet()));
    }
  }

  private void removeSource(String id) {
    if (sources.remove(id) != null) {
      poller.forget(id);
      log.info("source {} removed", id);
      listener.sourcesChanged(Set.copyOf(sources.keySet()));
    }
  }

  private void reportBadSource(ConsumerRecord<String, byte[]> record, String reason) {
    if (!reportedBadRecords.add(record.partition() + "@" + record.offset())) {
      return;
    }
    log.warn(
        "bad record on {} partition {} offset {}: {}",
        record.topic(),
        record.partition(),
        record.offset(),
        reason);
    Objects.requireNonNull(writer)
        .sendDeadLetter(record.key(), DeadLetters.ofSourceRecord(record, reason, clock.instant()));
  }

  private void scheduleDuePolls() {
    Instant now = clock.instant();
    ExecutorService executor = Objects.requireNonNull(pollers);
    for (ScheduledSource source : sources.values()) {
      String id = source.definition.id();
      if (!now.isBefore(source.due) && inFlight.add(id)) {
        source.due = now.plus(source.definition.interval());
        SourceDefinition definition = source.definition;
        executor.execute(() -> pollAndPublish(definition));
      }
    }
  }

  /** Runs on a poll thread. */
  private void pollAndPublish(SourceDefinition source) {
    try {
      PollResult result = poller.poll(source);
      if (!running) {
        return;
      }
      PollResultWriter out = Objects.requireNonNull(writer);
      if (out.write(result)) {
        if (result instanceof PollResult.Fetched) {
          poller.remember((PollResult.Fetched) result);
        }
        listener.polled(result);
      }
    } catch (RuntimeException e) {
      log.error("poll of {} {} failed unexpectedly", source.id(), RedactedUrl.of(source.url()), e);
    } finally {
      inFlight.remove(source.id());
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join(SHUTDOWN_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitQuietly(ExecutorService executor) {
    try {
      if (!executor.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("some polls did not stop within {}", SHUTDOWN_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
