package dev.bellwether.localkafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a real single-node KRaft broker in this JVM. The log directory lives under the given data
 * directory, so a broker started again on the same directory finds its topics, offsets and
 * transactions where it left them — even after {@code kill -9}.
 *
 * <p>Settings that matter on one node: replication factor and min ISR of the offsets, transaction
 * and share-state logs are 1 (exactly-once needs this), the group rebalance delay is 0, and the log
 * cleaner's dedupe buffer is 2 MiB (the 128 MiB default makes start-up slow and heavy).
 *
 * <p>Writes reach the disk as Kafka leaves them by default: in the operating system's page cache,
 * flushed by the OS, so a killed process loses nothing but a power cut can lose the last seconds.
 * An earlier version forced an fsync after every record; under exactly-once that made each commit
 * wait tens of milliseconds and cut the processors' throughput to a third (docs/benchmarks.md).
 * Where losing seconds to a power cut matters, run a replicated cluster (docker compose, ops).
 */
public final class LocalKafka implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
  private static final String HOST = "127.0.0.1";
  private static final int NODE_ID = 1;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Path logDir;
  private final @Nullable String saslBootstrapServers;

  private LocalKafka(
      KafkaRaftServer server,
      String bootstrapServers,
      Path logDir,
      @Nullable String saslBootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.logDir = logDir;
    this.saslBootstrapServers = saslBootstrapServers;
  }

  /**
   * Formats {@code dataDir/kafka} if it is new, starts the broker and waits until it answers.
   *
   * @param brokerPort the client port; 0 picks a free one
   * @throws LocalKafkaException if the port is taken or the broker does not come up
   */
  public static LocalKafka start(Path dataDir, int brokerPort) {
    return start(dataDir, brokerPort, Map.of());
  }

  /**
   * A broker that also listens for SASL/PLAIN clients without TLS ({@code SASL_PLAINTEXT}) on a
   * second free port, with the given users and passwords: to try secured client settings against a
   * local broker (the integration tests of {@code --kafka-config} do). The plaintext port stays,
   * for the broker's own readiness check.
   */
  public static LocalKafka startWithSaslPlain(Path dataDir, Map<String, String> users) {
    if (users.isEmpty()) {
      throw new IllegalArgumentException("a SASL listener needs at least one user");
    }
    return start(dataDir, 0, users);
  }

  private static LocalKafka start(Path dataDir, int brokerPort, Map<String, String> saslUsers) {
    Path logDir = dataDir.resolve("kafka").toAbsolutePath();
    int port = brokerPort == 0 ? freePort() : requireFree(brokerPort);
    int controllerPort = freePortOtherThan(port);
    Map<String, String> config =
        new java.util.HashMap<>(brokerConfig(logDir, port, controllerPort));
    String sasl = null;
    if (!saslUsers.isEmpty()) {
      int saslPort = freePortOtherThan(port, controllerPort);
      sasl = HOST + ":" + saslPort;
      addSaslPlainListener(config, port, controllerPort, saslPort, saslUsers);
    }
    format(logDir);
    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
    Instant started = Instant.now();
    server.startup();
    LocalKafka kafka = new LocalKafka(server, HOST + ":" + port, logDir, sasl);
    kafka.awaitReady();
    log.info(
        "Embedded Kafka broker ready at {} (data in {}, {} ms)",
        kafka.bootstrapServers,
        logDir,
        Duration.between(started, Instant.now()).toMillis());
    return kafka;
  }

  /** The {@code host:port} clients connect to. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The {@code host:port} of the SASL/PLAIN listener, when the broker has one. */
  public String saslBootstrapServers() {
    if (saslBootstrapServers == null) {
      throw new IllegalStateException("this broker has no SASL listener");
    }
    return saslBootstrapServers;
  }

  private static void addSaslPlainListener(
      Map<String, String> config,
      int port,
      int controllerPort,
      int saslPort,
      Map<String, String> users) {
    config.put(
        "listeners",
        "PLAINTEXT://"
            + HOST
            + ":"
            + port
            + ",SASL_PLAINTEXT://"
            + HOST
            + ":"
            + saslPort
            + ",CONTROLLER://"
            + HOST
            + ":"
            + controllerPort);
    config.put(
        "advertised.listeners",
        "PLAINTEXT://" + HOST + ":" + port + ",SASL_PLAINTEXT://" + HOST + ":" + saslPort);
    config.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
    config.put("sasl.enabled.mechanisms", "PLAIN");
    StringBuilder jaas =
        new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
    users.forEach(
        (user, password) ->
            jaas.append(" user_").append(user).append("=\"").append(password).append('"'));
    config.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.append(';').toString());
  }

  /** Where the broker keeps its logs. */
  public Path logDir() {
    return logDir;
  }

  /** Stops the broker and waits for it; safe to call twice. */
  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    log.info("Embedded Kafka broker at {} stopped", bootstrapServers);
  }

  static Map<String, String> brokerConfig(Path logDir, int port, int controllerPort) {
    return Map.ofEntries(
        Map.entry("process.roles", "broker,controller"),
        Map.entry("node.id", Integer.toString(NODE_ID)),
        Map.entry("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort),
        Map.entry(
            "listeners",
            "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort),
        Map.entry("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port),
        Map.entry("controller.listener.names", "CONTROLLER"),
        Map.entry("inter.broker.listener.name", "PLAINTEXT"),
        Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
        Map.entry("log.dirs", logDir.toString()),
        Map.entry("num.partitions", "1"),
        Map.entry("auto.create.topics.enable", "false"),
        Map.entry("offsets.topic.replication.factor", "1"),
        Map.entry("offsets.topic.num.partitions", "5"),
        Map.entry("transaction.state.log.replication.factor", "1"),
        Map.entry("transaction.state.log.min.isr", "1"),
        Map.entry("transaction.state.log.num.partitions", "5"),
        Map.entry("share.coordinator.state.topic.replication.factor", "1"),
        Map.entry("share.coordinator.state.topic.min.isr", "1"),
        Map.entry("group.initial.rebalance.delay.ms", "0"),
        Map.entry("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024)),
        Map.entry("unclean.leader.election.enable", "false"));
  }

  private static void format(Path logDir) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return; // formatted by an earlier run: keep its cluster id and data
    }
    try {
      Files.createDirectories(logDir);
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(logDir.toString()))
          .setMetadataLogDirectory(logDir.toString())
          .setControllerListenerName("CONTROLLER")
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    } catch (Exception e) {
      throw new LocalKafkaException("cannot format Kafka storage in " + logDir, e);
    }
  }

  private void awaitReady() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    try (Admin admin = Admin.create(props)) {
      Instant deadline = Instant.now().plus(READY_TIMEOUT);
      while (true) {
        try {
          admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
          return;
        } catch (Exception e) {
          if (Instant.now().isAfter(deadline)) {
            close();
            throw new LocalKafkaException(
                "embedded Kafka did not answer within " + READY_TIMEOUT.toSeconds() + " s", e);
          }
        }
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + HOST, e);
    }
  }

  /**
   * A free port that is not {@code taken}: the broker port is free again once picked, and the
   * system may hand the same number out twice in a row.
   */
  private static int freePortOtherThan(int... taken) {
    for (int attempt = 0; attempt < 20; attempt++) {
      int port = freePort();
      if (java.util.Arrays.stream(taken).noneMatch(t -> t == port)) {
        return port;
      }
    }
    throw new LocalKafkaException("cannot find a second free port on " + HOST);
  }

  private static int requireFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new LocalKafkaException(
          "port " + port + " on " + HOST + " is in use; pick another with --kafka-port", e);
    }
  }
}
