package dev.bellwether.processors;

import dev.bellwether.processors.deadletter.DeadLetterOnDeserializationError;
import dev.bellwether.processors.deadletter.DeadLetterOnProcessingError;
import dev.bellwether.processors.metrics.ProcessorsMetrics;
import dev.bellwether.processors.trends.TrendsPeers;
import dev.bellwether.processors.trends.TrendsQuery;
import dev.bellwether.schemas.KafkaConnection;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the topology as a Kafka Streams application with exactly-once processing. Instances with the
 * same application id share the work by partition.
 */
public final class ProcessorsRunner implements AutoCloseable {
  /** The Streams application id, which also names the consumer group and internal topics. */
  public static final String APPLICATION_ID = "bellwether-processors";

  private static final Logger log = LoggerFactory.getLogger(ProcessorsRunner.class);

  /**
   * How often the stream threads commit their transactions by default: under exactly-once an alert
   * waits for two commits, so this sets the floor of its latency (about 450 ms at light load); 200
   * ms kept p99 under a second up to 80 % of saturation, where 100 ms did not (docs/benchmarks.md).
   */
  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(200);

  private static final Duration MIN_COMMIT_INTERVAL = Duration.ofMillis(10);
  private static final Duration MAX_COMMIT_INTERVAL = Duration.ofMinutes(1);

  /** The longest {@link #close()} waits for the stream threads. */
  public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final String startMessage;
  private final KafkaStreamsMetrics streamsMetrics;
  private final @Nullable HostInfo applicationServer;

  /**
   * Who this instance is among its peers: the application id it shares with them, and where its ops
   * HTTP server answers them ({@code application.server}, for interactive queries), if anywhere.
   */
  public record Instance(String applicationId, @Nullable HostInfo applicationServer) {
    public Instance {
      if (applicationId.isBlank()) {
        throw new IllegalArgumentException("applicationId must not be blank");
      }
    }

    /** The standard application id, reachable by peers at {@code applicationServer}. */
    public static Instance at(@Nullable HostInfo applicationServer) {
      return new Instance(APPLICATION_ID, applicationServer);
    }
  }

  /** An instance of the standard application that peers cannot query. */
  public ProcessorsRunner(
      KafkaConnection kafka, Path stateDir, BellwetherTopology.Settings settings) {
    this(kafka, stateDir, settings, Instance.at(null));
  }

  public ProcessorsRunner(
      KafkaConnection kafka,
      Path stateDir,
      BellwetherTopology.Settings settings,
      Instance instance) {
    this(kafka, stateDir, settings, instance, DEFAULT_COMMIT_INTERVAL);
  }

  /**
   * An instance that commits its transactions every {@code commitInterval}: shorter gives alerts
   * sooner at light load, longer leaves more of the stream threads to processing under heavy load
   * (docs/benchmarks.md, "Publish → alert latency").
   */
  public ProcessorsRunner(
      KafkaConnection kafka,
      Path stateDir,
      BellwetherTopology.Settings settings,
      Instance instance,
      Duration commitInterval) {
    Properties config = config(kafka, stateDir, commitInterval);
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, instance.applicationId());
    HostInfo server = instance.applicationServer();
    if (server != null) {
      config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server.host() + ":" + server.port());
    }
    config.put(ProcessorsMetrics.REGISTRY_CONFIG, settings.meters());
    this.streams = new KafkaStreams(BellwetherTopology.build(settings), config);
    this.applicationServer = server;
    this.streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(settings.meters());
    streams.setUncaughtExceptionHandler(
        e -> {
          log.error("Stream thread failed; replacing it", e);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    streams.setStateListener((now, before) -> log.info("Processors {} -> {}", before, now));
    this.startMessage =
        String.format(
            "Processors starting: application %s, %s, commits every %d ms, state in %s",
            instance.applicationId(),
            config.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG),
            commitInterval.toMillis(),
            stateDir);
  }

  /**
   * Checks a commit interval: at least 10 ms (shorter commits would leave the threads little time
   * to process) and at most a minute (alerts wait for two commits).
   *
   * @throws IllegalArgumentException saying the allowed range
   */
  public static void requireValidCommitInterval(Duration commitInterval) {
    if (commitInterval.compareTo(MIN_COMMIT_INTERVAL) < 0
        || commitInterval.compareTo(MAX_COMMIT_INTERVAL) > 0) {
      throw new IllegalArgumentException(
          "the commit interval must be between 10ms and 1m, not "
              + commitInterval.toMillis()
              + "ms");
    }
  }

  /** The Streams configuration of the processors (also used by the offline replay). */
  public static Properties config(KafkaConnection kafka, Path stateDir) {
    return config(kafka, stateDir, DEFAULT_COMMIT_INTERVAL);
  }

  /**
   * The Streams configuration of the processors, committing every {@code commitInterval}.
   *
   * @throws IllegalArgumentException when the interval is not between 10 ms and 1 minute
   */
  public static Properties config(KafkaConnection kafka, Path stateDir, Duration commitInterval) {
    requireValidCommitInterval(commitInterval);
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
    kafka.applyTo(p);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterOnDeserializationError.class);
    p.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterOnProcessingError.class);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
    return p;
  }

  public void start() {
    log.info(startMessage);
    streams.start();
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /**
   * Trend counts, answered for every key from this instance, asking the instances that own the
   * other keys through {@code peers}.
   */
  public TrendsQuery trends(TrendsPeers peers) {
    return new TrendsQuery(streams, applicationServer, peers);
  }

  /**
   * Stops processing within {@link #CLOSE_TIMEOUT}: the stream threads finish the records in hand
   * and commit their transactions (offsets with the output), then leave the group.
   */
  @Override
  public void close() {
    boolean closed = streams.close(CLOSE_TIMEOUT);
    streamsMetrics.close();
    if (closed) {
      log.info("Processors closed; offsets committed");
    } else {
      log.warn("Processors did not close within {} s", CLOSE_TIMEOUT.toSeconds());
    }
  }
}
