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
  private final Map<String, String> listenerAddresses;

  private LocalKafka(
      KafkaRaftServer server,
      String bootstrapServers,
      Path logDir,
      Map<String, String> listenerAddresses) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.logDir = logDir;
    this.listenerAddresses = listenerAddresses;
  }

  /**
   * Formats {@code dataDir/kafka} if it is new, starts the broker and waits until it answers.
   *
   * @param brokerPort the client port; 0 picks a free one
   * @throws LocalKafkaException if the port is taken or the broker does not come up
   */
  public static LocalKafka start(Path dataDir, int brokerPort) {
    return start(dataDir, brokerPort, List.of());
  }

  /**
   * A broker that also listens for SASL/PLAIN clients without TLS ({@code SASL_PLAINTEXT}) on a
   * second free port, with the given users and passwords: to try secured client settings against a
   * local broker (the integration tests of {@code --kafka-config} do). The plaintext port stays,
   * for the broker's own readiness check.
   */
  public static LocalKafka startWithSaslPlain(Path dataDir, Map<String, String> users) {
    return startWithListeners(
        dataDir, List.of(Listener.saslPlain("SASL_PLAINTEXT", "SASL_PLAINTEXT", users)));
  }

  /**
   * A broker with further listeners beside its plaintext one (which stays, for the broker's own
   * readiness check and for the controller), each on a free port of 127.0.0.1: SASL, TLS or both,
   * set by the listener's own settings. Find a listener's address with {@link
   * #listenerAddress(String)}.
   */
  public static LocalKafka startWithListeners(Path dataDir, List<Listener> listeners) {
    if (listeners.isEmpty()) {
      throw new IllegalArgumentException("no extra listener asked for");
    }
    return start(dataDir, 0, listeners);
  }

  /**
   * One more listener of the broker.
   *
   * @param name the listener's name, upper case ({@code SASL_SSL}, {@code MTLS}); not {@code
   *     PLAINTEXT} or {@code CONTROLLER}
   * @param securityProtocol {@code SSL}, {@code SASL_SSL}, {@code SASL_PLAINTEXT} or {@code
   *     PLAINTEXT}
   * @param settings broker settings for this listener alone, without the {@code
   *     listener.name.<name>.} prefix (which is added), e.g. {@code ssl.keystore.location}, {@code
   *     ssl.client.auth}, {@code sasl.enabled.mechanisms}, {@code plain.sasl.jaas.config}
   */
  public record Listener(String name, String securityProtocol, Map<String, String> settings) {
    public Listener {
      if (!name.matches("[A-Z][A-Z0-9_]*")
          || name.equals("PLAINTEXT")
          || name.equals("CONTROLLER")) {
        throw new IllegalArgumentException("not a usable listener name: " + name);
      }
      settings = Map.copyOf(settings);
    }

    /**
     * A listener taking SASL/PLAIN logins of the given users and passwords, over {@code
     * SASL_PLAINTEXT}, or over {@code SASL_SSL} when {@code tls} holds the TLS settings.
     */
    public static Listener saslPlain(
        String name, String securityProtocol, Map<String, String> users) {
      return saslPlain(name, securityProtocol, users, Map.of());
    }

    /** As {@link #saslPlain(String, String, Map)}, with more settings (TLS) for the listener. */
    public static Listener saslPlain(
        String name, String securityProtocol, Map<String, String> users, Map<String, String> more) {
      if (users.isEmpty()) {
        throw new IllegalArgumentException("a SASL listener needs at least one user");
      }
      StringBuilder jaas =
          new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
      users.forEach(
          (user, password) ->
              jaas.append(" user_").append(user).append("=\"").append(password).append('"'));
      Map<String, String> settings = new java.util.HashMap<>(more);
      settings.put("sasl.enabled.mechanisms", "PLAIN");
      settings.put("plain.sasl.jaas.config", jaas.append(';').toString());
      return new Listener(name, securityProtocol, settings);
    }
  }

  private static LocalKafka start(Path dataDir, int brokerPort, List<Listener> extra) {
    Path logDir = dataDir.resolve("kafka").toAbsolutePath();
    int port = brokerPort == 0 ? freePort() : requireFree(brokerPort);
    int controllerPort = freePortOtherThan(port);
    Map<String, String> config =
        new java.util.HashMap<>(brokerConfig(logDir, port, controllerPort));
    Map<String, String> addresses = new java.util.LinkedHashMap<>();
    if (!extra.isEmpty()) {
      List<Integer> taken = new java.util.ArrayList<>(List.of(port, controllerPort));
      for (Listener listener : extra) {
        int listenerPort = freePortOtherThan(taken.stream().mapToInt(Integer::intValue).toArray());
        taken.add(listenerPort);
        addresses.put(listener.name(), HOST + ":" + listenerPort);
      }
      addListeners(config, port, controllerPort, extra, addresses);
    }
    format(logDir);
    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
    Instant started = Instant.now();
    server.startup();
    LocalKafka kafka = new LocalKafka(server, HOST + ":" + port, logDir, Map.copyOf(addresses));
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

  /** The {@code host:port} of the SASL/PLAIN listener of {@link #startWithSaslPlain}. */
  public String saslBootstrapServers() {
    return listenerAddress("SASL_PLAINTEXT");
  }

  /** The {@code host:port} of one of the listeners of {@link #startWithListeners}. */
  public String listenerAddress(String name) {
    String address = listenerAddresses.get(name);
    if (address == null) {
      throw new IllegalStateException("this broker has no listener named " + name);
    }
    return address;
  }

  private static void addListeners(
      Map<String, String> config,
      int port,
      int controllerPort,
      List<Listener> extra,
      Map<String, String> addresses) {
    StringBuilder listeners = new StringBuilder("PLAINTEXT://" + HOST + ":" + port);
    StringBuilder advertised = new StringBuilder(listeners);
    StringBuilder protocols = new StringBuilder("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    for (Listener listener : extra) {
      String address = addresses.get(listener.name());
      listeners.append(',').append(listener.name()).append("://").append(address);
      advertised.append(',').append(listener.name()).append("://").append(address);
      protocols.append(',').append(listener.name()).append(':').append(listener.securityProtocol());
      String prefix = "listener.name." + listener.name().toLowerCase(java.util.Locale.ROOT) + ".";
      listener.settings().forEach((key, value) -> config.put(prefix + key, value));
    }
    listeners.append(",CONTROLLER://").append(HOST).append(':').append(controllerPort);
    config.put("listeners", listeners.toString());
    config.put("advertised.listeners", advertised.toString());
    config.put("listener.security.protocol.map", protocols.toString());
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
