package dev.bellwether.schemas;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How every Bellwether client reaches the Kafka cluster: the bootstrap servers and any Kafka client
 * settings besides them ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}...). Every
 * producer, consumer, admin client and Streams application is configured from one of these, so a
 * secured cluster needs its settings given once.
 *
 * <p>{@link #toString()} and {@link #describe()} never show a secret: values of settings whose
 * names speak of passwords, secrets, keys, tokens or JAAS are shown as {@code (set)}.
 *
 * @param bootstrapServers {@code host:port[,host:port...]}
 * @param settings further client settings, by Kafka's property name
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> settings) {
  private static final Pattern SECRET =
      Pattern.compile("password|secret|jaas|token|credential|(^|\\.)key(\\.|$)");

  public KafkaConnection {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("no bootstrap servers given");
    }
    if (settings.containsKey("bootstrap.servers")) {
      throw new IllegalArgumentException(
          "bootstrap.servers is set on its own (--bootstrap-servers), not among the settings");
    }
    settings = Collections.unmodifiableMap(new TreeMap<>(settings));
  }

  /** A plaintext connection with no further settings. */
  public static KafkaConnection of(String bootstrapServers) {
    return new KafkaConnection(bootstrapServers, Map.of());
  }

  /** The same settings for another cluster address. */
  public KafkaConnection withBootstrapServers(String servers) {
    return new KafkaConnection(servers, settings);
  }

  /** A client configuration: the settings, the bootstrap servers, then {@code overrides}. */
  public Map<String, Object> config(Map<String, ?> overrides) {
    Map<String, Object> config = new TreeMap<>(settings);
    config.put("bootstrap.servers", bootstrapServers);
    config.putAll(overrides);
    return config;
  }

  /**
   * A producer configuration for writes that must not be lost or doubled by a retry: every replica
   * acknowledges, idempotence on, under the given client id.
   */
  public Map<String, Object> durableProducerConfig(String clientId) {
    return config(Map.of("acks", "all", "enable.idempotence", "true", "client.id", clientId));
  }

  /**
   * A consumer configuration for a member of group {@code groupId} that commits its offsets itself
   * (no auto commit) and, where the group has none yet, starts from the earliest; then {@code
   * overrides}.
   */
  public Map<String, Object> groupConsumerConfig(String groupId, Map<String, ?> overrides) {
    Map<String, Object> consumer = new TreeMap<>();
    consumer.put("group.id", groupId);
    consumer.put("enable.auto.commit", false);
    consumer.put("auto.offset.reset", "earliest");
    consumer.putAll(overrides);
    return config(consumer);
  }

  /** A client configuration with nothing added. */
  public Map<String, Object> config() {
    return config(Map.of());
  }

  /** Puts the bootstrap servers and settings into {@code properties} (what it had stays). */
  public Properties applyTo(Properties properties) {
    settings.forEach(properties::putIfAbsent);
    properties.put("bootstrap.servers", bootstrapServers);
    return properties;
  }

  /** Whether a setting's value is a secret that is never printed. */
  public static boolean secret(String name) {
    return SECRET.matcher(name.toLowerCase(Locale.ROOT)).find();
  }

  /** The cluster and its settings for logs and {@code --help}-style output, secrets hidden. */
  public String describe() {
    if (settings.isEmpty()) {
      return bootstrapServers;
    }
    StringBuilder out = new StringBuilder(bootstrapServers).append(" (");
    String separator = "";
    for (Map.Entry<String, String> e : settings.entrySet()) {
      out.append(separator)
          .append(e.getKey())
          .append('=')
          .append(secret(e.getKey()) ? "(set)" : e.getValue());
      separator = ", ";
    }
    return out.append(')').toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
