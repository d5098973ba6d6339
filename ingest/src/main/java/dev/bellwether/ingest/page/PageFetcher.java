package dev.bellwether.ingest.page;

import dev.bellwether.ingest.http.HostResolver;
import dev.bellwether.ingest.http.SafeHttpClient;
import dev.bellwether.ingest.metrics.IngestMetrics;
import dev.bellwether.ingest.metrics.KafkaClientMeters;
import dev.bellwether.ingest.work.BadRecords;
import dev.bellwether.ingest.work.Threads;
import dev.bellwether.schemas.KafkaConnection;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.DeadLetter;
import dev.bellwether.schemas.avro.FeedItem;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fetch role: consumes new items from {@code bellwether.new-items} in consumer group {@value
 * #GROUP_ID}, reads each item's page ({@link PageReader}) and writes one {@link Article} per item
 * to {@code bellwether.articles}: the page's text, or the feed's summary with the reason the page
 * could not be used. Records that are not items go to {@code bellwether.dlq}.
 *
 * <p>Exactly once from items to articles: each polled batch (at most {@link
 * PageFetcherSettings#maxBatch()} items) is read concurrently on a small pool ({@link
 * PageFetcherPool}, bounded by {@link PageFetcherSettings#batchTime()}), then its articles and its
 * consumed offsets are committed in one transaction (transactional id {@link
 * PageFetcherSettings#transactionalId()}, offsets sent with the consumer's group metadata, items
 * read {@code read_committed}). If the transaction fails it is aborted and the consumer rewinds to
 * the batch's first offsets, so the batch is read again; pages are fetched again then, but no
 * article is written twice. Instances share the partitions of the items topic through the group.
 */
public final class PageFetcher implements AutoCloseable, MeterBinder {
  public static final String GROUP_ID = "bellwether-fetch";

  /** The stage of the dead letters written here. */
  public static final String STAGE = "ingest.fetch";

  private static final Logger log = LoggerFactory.getLogger(PageFetcher.class);
  private static final Duration CONSUMER_POLL = Duration.ofMillis(200);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  /** The most {@link #close()} takes: 2 s, then twice {@code CLOSE_WAIT} after an interrupt. */
  public static final int CLOSE_BOUND_SECONDS = 22;

  private static final Duration RESTART_PAUSE_MIN = Duration.ofSeconds(1);
  private static final Duration RESTART_PAUSE_MAX = Duration.ofMinutes(1);

  private final KafkaConnection kafka;
  private final Clock clock;
  private final PageFetcherSettings settings;
  private final PageReader reader;
  private final PageFetcherStats.Recorder stats = new PageFetcherStats.Recorder();

  private MeterRegistry meters = new CompositeMeterRegistry();
  private @Nullable KafkaClientMeters clientMeters;
  private volatile boolean running;
  private @Nullable Thread thread;
  private volatile @Nullable Consumer<String, byte[]> consumer;
  private @Nullable PageFetcherPool pool;
  // Owned by the fetcher's thread once started.
  private @Nullable Producer<String, byte[]> producer;

  public PageFetcher(KafkaConnection kafka, Clock clock, PageFetcherSettings settings) {
    this.kafka = Objects.requireNonNull(kafka, "kafka");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.reader =
        new PageReader(
            new SafeHttpClient(settings.http()),
            settings.politeness(),
            HostResolver.SYSTEM,
            clock,
            settings.allowPrivate(),
            settings.secUserAgent());
  }

  /** What this instance has fetched and why items fell back, since it started. */
  public PageFetcherStats stats() {
    return stats.snapshot();
  }

  /**
   * Counts fetch errors by kind and dead letters in {@code registry}, and binds the Kafka client
   * metrics of the producer and consumer there; call before {@link #start()}.
   */
  @Override
  public synchronized void bindTo(MeterRegistry registry) {
    if (running) {
      throw new IllegalStateException("bind meters before start");
    }
    meters = Objects.requireNonNull(registry, "registry");
    for (FallbackReason.Cause cause : FallbackReason.Cause.values()) {
      FunctionCounter.builder(
              IngestMetrics.FETCH_ERRORS,
              stats,
              s -> s.snapshot().fallbacks().getOrDefault(cause, 0L))
          .description("Items whose page could not be used (the article has the feed summary)")
          .tag("kind", cause.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
  }

  /**
   * Connects to Kafka (initialising the transactional producer, which fences an earlier run of the
   * same instance id) and starts consuming in the background.
   */
  public synchronized void start() {
    if (running) {
      throw new IllegalStateException("already started");
    }
    clientMeters = new KafkaClientMeters(meters);
    producer = newProducer();
    pool = new PageFetcherPool(reader, clock, settings.batchTime(), settings.threads(), stats);
    Consumer<String, byte[]> items = newConsumer();
    consumer = items;
    running = true;
    thread =
        Threads.startDaemon("bellwether-fetch-" + settings.instanceId(), () -> supervise(items));
    log.info(
        "page fetcher {} started: group {}, transactional id {}",
        settings.instanceId(),
        GROUP_ID,
        settings.transactionalId());
  }

  /**
   * Stops: a batch being fetched is abandoned uncommitted (the next owner of its partitions reads
   * it again), a batch being written is finished or aborted. Returns within about 2 s when no
   * transaction is being committed, and at most {@value #CLOSE_BOUND_SECONDS} s in all.
   */
  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    running = false;
    Thread loop = Objects.requireNonNull(thread);
    if (!Threads.wakeAndJoin(loop, Objects.requireNonNull(consumer), Duration.ofSeconds(2))) {
      loop.interrupt();
      Threads.join(loop, CLOSE_WAIT.plus(CLOSE_WAIT));
    }
    Objects.requireNonNull(pool).close();
    Objects.requireNonNull(clientMeters).close();
  }

  /**
   * Consumes until closed. An unexpected error (a Kafka outage outlasting the clients' retries,
   * say) restarts the consumer and producer after a growing pause instead of stopping the role:
   * nothing was committed for the failed batch, so it is read again.
   */
  private void supervise(Consumer<String, byte[]> first) {
    Consumer<String, byte[]> items = first;
    Duration pause = RESTART_PAUSE_MIN;
    while (!consume(items) && running) {
      log.warn("page fetcher {} restarts in {} s", settings.instanceId(), pause.toSeconds());
      if (!Threads.sleep(pause)) {
        return;
      }
      Duration doubled = pause.multipliedBy(2);
      pause = doubled.compareTo(RESTART_PAUSE_MAX) > 0 ? RESTART_PAUSE_MAX : doubled;
      synchronized (this) {
        if (!running) {
          return;
        }
        producer = newProducer();
        items = newConsumer();
        consumer = items;
      }
    }
  }

  /** Consumes until closed ({@code true}) or until an unexpected error ({@code false}). */
  private boolean consume(Consumer<String, byte[]> items) {
    try (items) {
      items.subscribe(List.of(Topics.NEW_ITEMS.name()));
      while (running) {
        ConsumerRecords<String, byte[]> batch = items.poll(CONSUMER_POLL);
        if (!batch.isEmpty()) {
          writeTransactionally(items, batch, outputsOf(batch));
        }
      }
    } catch (WakeupException | InterruptException e) {
      stopQuietly(e);
    } catch (InterruptedException e) {
      stopQuietly(e);
    } catch (RuntimeException e) {
      log.error("page fetcher {} failed unexpectedly", settings.instanceId(), e);
      return false;
    } finally {
      Thread.interrupted(); // closing below must not be cut short
      Objects.requireNonNull(clientMeters).unbind(items);
      closeProducer();
      log.info("page fetcher {} stopped", settings.instanceId());
    }
    return true;
  }

  private void stopQuietly(Exception e) {
    if (running) {
      log.error("page fetcher {} interrupted unexpectedly", settings.instanceId(), e);
    }
  }

  /** The articles (and dead letters) of a batch, its pages read concurrently. */
  private List<ProducerRecord<String, byte[]>> outputsOf(ConsumerRecords<String, byte[]> batch)
      throws InterruptedException {
    List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<FeedItem> items = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : batch) {
      FeedItem item = decode(record, out);
      if (item != null) {
        keys.add(record.key() == null ? item.getId() : record.key());
        items.add(item);
      }
    }
    List<PageOutcome> outcomes = Objects.requireNonNull(pool).readAll(items);
    for (int i = 0; i < items.size(); i++) {
      Article article = PageArticles.toArticle(items.get(i), outcomes.get(i));
      String topic = Topics.ARTICLES.name();
      byte[] value = BellwetherSerdes.article().serialize(topic, article);
      out.add(new ProducerRecord<>(topic, keys.get(i), value));
    }
    return out;
  }

  /** The item in {@code record}; null (and a dead letter added to {@code out}) if none. */
  private @Nullable FeedItem decode(
      ConsumerRecord<String, byte[]> record, List<ProducerRecord<String, byte[]>> out) {
    String reason;
    if (record.value() == null) {
      reason = "a record without a value, where a FeedItem was expected";
    } else {
      try {
        return Objects.requireNonNull(
            BellwetherSerdes.feedItem().deserialize(record.topic(), record.value()));
      } catch (RuntimeException e) {
        reason = "not a FeedItem: " + e.getMessage();
      }
    }
    DeadLetter letter = BadRecords.deadLetter(log, STAGE, record, reason, clock.instant()).build();
    String dlq = Topics.DLQ.name();
    out.add(
        new ProducerRecord<>(
            dlq, record.key(), BellwetherSerdes.deadLetter().serialize(dlq, letter)));
    return null;
  }

  /**
   * Writes {@code outputs} and commits the batch's offsets in one transaction; on failure aborts
   * and rewinds, so the batch is consumed again.
   */
  private void writeTransactionally(
      Consumer<String, byte[]> items,
      ConsumerRecords<String, byte[]> batch,
      List<ProducerRecord<String, byte[]>> outputs) {
    Producer<String, byte[]> out = Objects.requireNonNull(producer);
    try {
      out.beginTransaction();
      outputs.forEach(out::send);
      out.sendOffsetsToTransaction(nextOffsets(batch), items.groupMetadata());
      out.commitTransaction();
      countDeadLetters(outputs);
      log.debug("committed {} records for {} items", outputs.size(), batch.count());
    } catch (ProducerFencedException
        | OutOfOrderSequenceException
        | AuthorizationException
        | UnsupportedVersionException e) {
      throw new IllegalStateException(
          "the transactional producer "
              + settings.transactionalId()
              + " cannot go on (another instance with the same id?)",
          e);
    } catch (KafkaException e) {
      log.warn(
          "transaction of {} items failed ({}); aborting and reading them again",
          batch.count(),
          e.toString());
      abortOrRenew(out);
      rewind(items, batch);
    }
  }

  private void countDeadLetters(List<ProducerRecord<String, byte[]>> outputs) {
    long letters = outputs.stream().filter(r -> r.topic().equals(Topics.DLQ.name())).count();
    if (letters > 0) {
      IngestMetrics.deadLetters(meters, STAGE).increment(letters);
    }
  }

  /** Aborts the transaction; if even that fails, replaces the producer. */
  private void abortOrRenew(Producer<String, byte[]> out) {
    try {
      out.abortTransaction();
    } catch (KafkaException e) {
      log.warn("abort failed ({}); starting a new producer", e.toString());
      closeProducer();
      producer = newProducer();
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(
      ConsumerRecords<String, byte[]> batch) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : batch.partitions()) {
      List<ConsumerRecord<String, byte[]>> records = batch.records(partition);
      offsets.put(partition, new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1));
    }
    return offsets;
  }

  private static void rewind(
      Consumer<String, byte[]> items, ConsumerRecords<String, byte[]> batch) {
    for (TopicPartition partition : batch.partitions()) {
      items.seek(partition, batch.records(partition).get(0).offset());
    }
  }

  private Producer<String, byte[]> newProducer() {
    Producer<String, byte[]> created =
        new KafkaProducer<>(
            kafka.config(
                Map.of(
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                    settings.transactionalId(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true,
                    ProducerConfig.ACKS_CONFIG,
                    "all")),
            new StringSerializer(),
            new ByteArraySerializer());
    try {
      created.initTransactions();
      Objects.requireNonNull(clientMeters).bind(created);
      return created;
    } catch (RuntimeException e) {
      created.close(Duration.ZERO);
      throw e;
    }
  }

  private Consumer<String, byte[]> newConsumer() {
    long maxPollInterval = settings.batchTime().plusMinutes(3).toMillis();
    Consumer<String, byte[]> created =
        new KafkaConsumer<>(
            kafka.groupConsumerConfig(
                GROUP_ID,
                Map.of(
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                    "read_committed",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                    settings.maxBatch(),
                    ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                    (int) Math.min(Integer.MAX_VALUE, maxPollInterval))),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    Objects.requireNonNull(clientMeters).bind(created);
    return created;
  }

  private void closeProducer() {
    Producer<String, byte[]> out = producer;
    if (out != null) {
      Objects.requireNonNull(clientMeters).unbind(out);
      try {
        out.close(CLOSE_WAIT);
      } catch (RuntimeException e) {
        log.warn("closing the producer failed: {}", e.toString());
      }
      producer = null;
    }
  }
}
