package dev.bellwether.localkafka;

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
 * answers, otherwise {@link LocalKafka} in this JVM. Both are real brokers; neither is a mock.
 * Docker is asked once per JVM.
 */
public final class KafkaForTests implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KafkaForTests.class);
  private static final String KAFKA_IMAGE = "apache/kafka:4.2.0";
  private static Boolean dockerAvailable;

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
    KafkaForTests kafka = dockerAvailable() ? inDocker() : inProcess();
    kafka.createTopics(Topics.all().stream().map(t -> t.withPartitions(partitions)).toList());
    return kafka;
  }

  /** Starts a broker without any Bellwether topic, for tests of the topic set-up itself. */
  public static KafkaForTests startWithoutTopics() {
    return dockerAvailable() ? inDocker() : inProcess();
  }

  public String bootstrapServers() {
    return bootstrapServers;
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

  private static synchronized boolean dockerAvailable() {
    if (dockerAvailable == null) {
      dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
      log.info(
          "Docker engine {}",
          dockerAvailable ? "found: Testcontainers Kafka" : "absent: in-process KRaft broker");
    }
    return dockerAvailable;
  }

  private static KafkaForTests inDocker() {
    KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
    container.start();
    return new KafkaForTests(container.getBootstrapServers(), container::stop, tempDir());
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
