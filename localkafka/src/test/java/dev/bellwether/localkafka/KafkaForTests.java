package dev.bellwether.localkafka;

import dev.bellwether.schemas.KafkaConnection;
import dev.bellwether.schemas.TopicInstaller;
import dev.bellwether.schemas.TopicSpec;
import dev.bellwether.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The real broker integration tests run against: Testcontainers' Kafka where a Docker engine
 * answers and its container starts within {@link #CONTAINER_START}, otherwise {@link LocalKafka} in
 * this JVM. Both are real brokers; neither is a mock. Docker is asked once per JVM; an engine that
 * answers but cannot run Kafka's image (no registry, no network bridge) gets one try, and the
 * reason it failed is logged once before every later broker runs in process.
 */
public final class KafkaForTests implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KafkaForTests.class);
  private static final String KAFKA_IMAGE = "apache/kafka:4.2.0";
  private static final java.time.Duration CONTAINER_START = java.time.Duration.ofSeconds(120);
  private static final java.time.Duration DOCKER_CHECK = java.time.Duration.ofSeconds(30);
  private static Boolean dockerUsable;

  private final String bootstrapServers;
  private final AutoCloseable broker;
  private final Path dataDir;

  private KafkaForTests(String bootstrapServers, AutoCloseable broker, Path dataDir) {
    this.bootstrapServers = bootstrapServers;
    this.broker = broker;
    this.dataDir = dataDir;
  }

  /** Starts a broker and creates every Bellwether topic with {@code partitions} partitions. */
  public static KafkaForTests start(int partitions) {
    KafkaForTests kafka = startBroker();
    kafka.createTopics(Topics.all().stream().map(t -> t.withPartitions(partitions)).toList());
    return kafka;
  }

  /** Starts a broker without any Bellwether topic, for tests of the topic set-up itself. */
  public static KafkaForTests startWithoutTopics() {
    return startBroker();
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The broker as Bellwether's clients are given it: its address, no further settings. */
  public KafkaConnection connection() {
    return KafkaConnection.of(bootstrapServers);
  }

  public void createTopics(List<TopicSpec> topics) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      TopicInstaller.ensure(admin, topics);
    }
  }

  @Override
  public void close() throws Exception {
    broker.close();
    deleteQuietly(dataDir);
  }

  /** Removes a test broker's scratch directory, so test runs do not fill the disk. */
  private static void deleteQuietly(Path dir) {
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      log.debug("Could not delete {}: {}", dir, e.toString());
    }
  }

  /** Where an in-process broker keeps its data; a scratch directory for Docker. */
  public Path dataDir() {
    return dataDir;
  }

  private static synchronized KafkaForTests startBroker() {
    if (dockerUsable == null) {
      dockerUsable = dockerAnswers();
    }
    if (dockerUsable) {
      try {
        KafkaForTests kafka = inDocker();
        log.info("Docker engine found: Testcontainers Kafka ({})", KAFKA_IMAGE);
        return kafka;
      } catch (RuntimeException e) {
        dockerUsable = false;
        log.warn(
            "Docker engine answers but Kafka's container did not start ({}): in-process KRaft"
                + " broker from now on",
            rootMessage(e));
      }
    }
    return inProcess();
  }

  /**
   * Whether a Docker engine answers Testcontainers' own check within {@link #DOCKER_CHECK}. The
   * check itself runs a small container, so an engine without a registry or a network bridge can
   * throw or hang in it; either way the broker then runs in process.
   */
  private static boolean dockerAnswers() {
    var check =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> DockerClientFactory.instance().isDockerAvailable());
    try {
      boolean answers = check.get(DOCKER_CHECK.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      if (!answers) {
        log.info("Docker engine absent: in-process KRaft broker");
      }
      return answers;
    } catch (java.util.concurrent.TimeoutException e) {
      check.cancel(true);
      log.warn(
          "Docker engine found but Testcontainers' check did not finish within {} s: in-process"
              + " KRaft broker",
          DOCKER_CHECK.toSeconds());
    } catch (java.util.concurrent.ExecutionException e) {
      log.warn(
          "Docker engine found but Testcontainers' check failed ({}): in-process KRaft broker",
          rootMessage(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** Kafka in a container, started within {@link #CONTAINER_START} or not at all. */
  private static KafkaForTests inDocker() {
    KafkaContainer container = new KafkaContainer(KAFKA_IMAGE).withStartupTimeout(CONTAINER_START);
    var starting = java.util.concurrent.CompletableFuture.runAsync(container::start);
    try {
      starting.get(CONTAINER_START.toSeconds() + 30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      starting.cancel(true);
      stopQuietly(container);
      throw new IllegalStateException("not started within " + CONTAINER_START.plusSeconds(30), e);
    } catch (java.util.concurrent.ExecutionException e) {
      stopQuietly(container);
      throw new IllegalStateException(rootMessage(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopQuietly(container);
      throw new IllegalStateException("interrupted while starting", e);
    }
    return new KafkaForTests(container.getBootstrapServers(), container::stop, tempDir());
  }

  private static void stopQuietly(KafkaContainer container) {
    try {
      container.stop();
    } catch (RuntimeException e) {
      log.debug("Could not stop a container that did not start: {}", e.toString());
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static KafkaForTests inProcess() {
    Path dir = tempDir();
    LocalKafka kafka = LocalKafka.start(dir, 0);
    return new KafkaForTests(kafka.bootstrapServers(), kafka, dir);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("bellwether-it-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
