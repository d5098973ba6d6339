package dev.bellwether.app;

import dev.bellwether.app.config.ConfigKey;
import dev.bellwether.app.console.AlertPrinter;
import dev.bellwether.app.trends.HttpTrendsPeers;
import dev.bellwether.ingest.http.HttpSettings;
import dev.bellwether.ingest.page.PageFetcher;
import dev.bellwether.ingest.page.PageFetcherSettings;
import dev.bellwether.ingest.poll.IngestWorker;
import dev.bellwether.ingest.poll.SourcePublisher;
import dev.bellwether.ingest.source.SourceOptions;
import dev.bellwether.ingest.source.SourcesFile;
import dev.bellwether.localkafka.LocalKafka;
import dev.bellwether.processors.BellwetherTopology;
import dev.bellwether.processors.ProcessorsRunner;
import dev.bellwether.processors.trends.TrendsQuery;
import dev.bellwether.schemas.KafkaConnection;
import dev.bellwether.schemas.TopicInstaller;
import dev.bellwether.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every role of Bellwether in one JVM: the broker (embedded unless a cluster is given), the topics,
 * the sources, the processors, the page fetcher, the pollers and the console. Started in flow order
 * and closed in reverse.
 */
final class LocalPipeline implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalPipeline.class);

  /** The page fetcher's instance id: one fetcher per local pipeline. */
  static final String FETCHER_INSTANCE = "local";

  record Options(
      Path dataDir,
      int kafkaPort,
      @Nullable KafkaConnection cluster,
      SourcesFile sources,
      Knowledge knowledge,
      boolean json,
      Duration commitInterval) {

    /** Options committing at the processors' default interval. */
    Options(
        Path dataDir,
        int kafkaPort,
        @Nullable KafkaConnection cluster,
        SourcesFile sources,
        Knowledge knowledge,
        boolean json) {
      this(
          dataDir,
          kafkaPort,
          cluster,
          sources,
          knowledge,
          json,
          ProcessorsRunner.DEFAULT_COMMIT_INTERVAL);
    }
  }

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final MeterRegistry meters;
  private final @Nullable HostInfo applicationServer;
  private @Nullable AlertPrinter printer;
  private @Nullable ProcessorsRunner processors;
  private KafkaConnection connection = KafkaConnection.of("unstarted:0");

  private LocalPipeline(MeterRegistry meters, @Nullable HostInfo applicationServer) {
    this.meters = meters;
    this.applicationServer = applicationServer;
  }

  static LocalPipeline start(Options options, PrintStream out) {
    return start(options, out, new CompositeMeterRegistry());
  }

  /** Starts every role, their meters registered in {@code meters}. */
  static LocalPipeline start(Options options, PrintStream out, MeterRegistry meters) {
    return start(options, out, meters, null);
  }

  /**
   * Starts every role, the processors reachable for interactive queries at {@code
   * applicationServer} (the ops server serving {@code /api/trends}) if given.
   */
  static LocalPipeline start(
      Options options,
      PrintStream out,
      MeterRegistry meters,
      @Nullable HostInfo applicationServer) {
    LocalPipeline pipeline = new LocalPipeline(meters, applicationServer);
    try {
      pipeline.startAll(options, out);
      return pipeline;
    } catch (RuntimeException e) {
      pipeline.close();
      throw e;
    }
  }

  /** The cluster the pipeline's clients use: the embedded broker's or the one given. */
  KafkaConnection connection() {
    return connection;
  }

  String bootstrapServers() {
    return connection.bootstrapServers();
  }

  /** The processors' Kafka Streams state. */
  KafkaStreams.State processorsState() {
    ProcessorsRunner running = processors;
    return running == null ? KafkaStreams.State.CREATED : running.state();
  }

  /** The processors' trend counts, or null before they start. */
  @Nullable TrendsQuery trends() {
    ProcessorsRunner running = processors;
    return running == null ? null : running.trends(new HttpTrendsPeers());
  }

  /**
   * Prints alerts on this thread until Ctrl-C (SIGINT/SIGTERM), then returns; the caller closes the
   * pipeline.
   */
  void printAlertsUntilShutdown() {
    AlertPrinter console = printer();
    ShutdownSignals.onTermOrInt(
        () -> {
          log.info("Shutting down");
          console.stop();
          ShutdownSignals.startWatchdog("bellwether run");
        });
    Thread hook =
        new Thread(
            () -> {
              log.info("Shutting down");
              console.stop();
              awaitClosed();
            },
            "bellwether-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      console.run();
    } finally {
      removeHook(hook);
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook is running
    }
  }

  /** Stops the console; {@link #printAlertsUntilShutdown()} then returns. */
  void stopPrinting() {
    printer().stop();
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable component = started.pop();
      try {
        component.close();
      } catch (Exception e) {
        log.warn("Closing {} failed: {}", component.getClass().getSimpleName(), e.toString());
      }
    }
    closed.countDown();
  }

  private void startAll(Options options, PrintStream out) {
    Path dataDir = options.dataDir().toAbsolutePath();
    started.push(lock(dataDir));
    connection = brokerFor(options, dataDir);
    try (Admin admin = Admin.create(connection.config())) {
      TopicInstaller.ensure(admin, Topics.all());
    }
    Set<String> retired = SourcePublisher.sync(connection, options.sources());
    if (!retired.isEmpty()) {
      log.info("Retired sources no longer configured: {}", retired);
    }
    log.info("Polling {} sources", options.sources().sources().size());
    options.sources().offNotice().ifPresent(log::warn);
    processors = startProcessors(dataDir, options.knowledge(), options.commitInterval());
    started.push(processors);
    started.push(startPageFetcher(options.sources()));
    IngestWorker ingest =
        new IngestWorker(
            connection,
            Clock.systemUTC(),
            HttpSettings.defaults(),
            options.sources().allowPrivate());
    ingest.bindTo(meters);
    ingest.start();
    started.push(ingest);
    printer = new AlertPrinter(connection, out, options.json());
    started.push(printer);
    log.info("Bellwether is running; alerts appear below. Ctrl-C stops.");
  }

  private KafkaConnection brokerFor(Options options, Path dataDir) {
    KafkaConnection cluster = options.cluster();
    if (cluster != null) {
      log.info("Using the Kafka cluster at {}", cluster.describe());
      return cluster;
    }
    LocalKafka kafka = LocalKafka.start(dataDir, options.kafkaPort());
    started.push(kafka);
    log.info(
        "Embedded Kafka at {} — read any topic with: bellwether tail --bootstrap-servers {}",
        kafka.bootstrapServers(),
        kafka.bootstrapServers());
    return KafkaConnection.of(kafka.bootstrapServers());
  }

  private ProcessorsRunner startProcessors(
      Path dataDir, Knowledge knowledge, Duration commitInterval) {
    var settings =
        BellwetherTopology.Settings.builder(knowledge.tagger(), knowledge.watchlist())
            .articlesFromFeedSummaries(false)
            .meters(meters)
            .build();
    ProcessorsRunner runner =
        new ProcessorsRunner(
            connection,
            dataDir.resolve("streams"),
            settings,
            ProcessorsRunner.Instance.at(applicationServer),
            commitInterval);
    runner.start();
    return runner;
  }

  /** Articles come from the fetcher: the page's text, or the feed summary with the reason. */
  private PageFetcher startPageFetcher(SourcesFile sources) {
    PageFetcherSettings settings =
        PageFetcherSettings.builder(FETCHER_INSTANCE)
            .allowPrivate(sources.allowPrivate())
            .secUserAgent(secUserAgent(sources))
            .build();
    PageFetcher fetcher = new PageFetcher(connection, Clock.systemUTC(), settings);
    fetcher.bindTo(meters);
    fetcher.start();
    return fetcher;
  }

  /** The EDGAR sources' User-Agent, which SEC also requires for the filing pages. */
  private static @Nullable String secUserAgent(SourcesFile sources) {
    return sources.sources().stream()
        .map(s -> s.options().get(SourceOptions.USER_AGENT))
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(ConfigKey.EDGAR_USER_AGENT.valueIn(System.getenv()));
  }

  /** One process per data directory: a second one would corrupt the broker's logs. */
  private static AutoCloseable lock(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      FileChannel channel =
          FileChannel.open(
              dataDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new UserError(
            "another Bellwether process is using " + dataDir + "; stop it or pass --data-dir");
      }
      return channel; // closing the channel releases the lock
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use data directory " + dataDir, e);
    }
  }

  private AlertPrinter printer() {
    if (printer == null) {
      throw new IllegalStateException("pipeline not started");
    }
    return printer;
  }

  private void awaitClosed() {
    try {
      if (!closed.await(60, TimeUnit.SECONDS)) {
        log.warn("Shutdown took longer than 60 s; stopping anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
