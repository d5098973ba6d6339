package dev.bellwether.app;

import dev.bellwether.app.config.ConfigKey;
import dev.bellwether.schemas.KafkaConnection;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads the Kafka client settings of a command: a Java properties file ({@code --kafka-config}) and
 * {@code BELLWETHER_KAFKA_<SETTING>} variables, the setting's name upper-cased with dots as
 * underscores ({@code BELLWETHER_KAFKA_SECURITY_PROTOCOL=SASL_SSL} is {@code
 * security.protocol=SASL_SSL}); a variable wins over the file. {@code BELLWETHER_KAFKA_CONFIG}
 * names the file when the flag is not given; {@code BELLWETHER_KAFKA_LOG_LEVEL} sets logging, not a
 * client setting.
 */
final class KafkaSettings {
  static final String PREFIX = ConfigKey.Names.KAFKA_SETTING_PREFIX;

  /** Variables with the prefix that are not client settings. */
  private static final Set<String> NOT_SETTINGS =
      Set.of(ConfigKey.KAFKA_LOG_LEVEL.variable(), ConfigKey.KAFKA_CONFIG.variable());

  /** A settings file larger than this is not a settings file. */
  private static final long MAX_FILE = 1 << 20;

  private KafkaSettings() {}

  static KafkaConnection connection(
      String bootstrapServers, @Nullable Path file, Map<String, String> env) {
    Map<String, String> settings = new TreeMap<>();
    if (file != null) {
      settings.putAll(read(file));
    }
    settings.putAll(fromEnvironment(env));
    if (settings.containsKey("bootstrap.servers")) {
      throw new UserError(
          "bootstrap.servers is given with --bootstrap-servers or BELLWETHER_BOOTSTRAP_SERVERS, not"
              + " in the Kafka client settings"
              + (file == null ? "" : " (" + file + ")"));
    }
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new UserError("no Kafka cluster: give --bootstrap-servers HOST:PORT");
    }
    requireReadableFiles(settings, file);
    return new KafkaConnection(bootstrapServers.strip(), settings);
  }

  /**
   * A key or trust store that is missing would otherwise surface as a stack trace from deep in the
   * client; every setting naming a file ({@code ssl.keystore.location}, {@code
   * ssl.truststore.location}) must name a readable one.
   */
  private static void requireReadableFiles(Map<String, String> settings, @Nullable Path file) {
    settings.forEach(
        (name, value) -> {
          if (name.endsWith(".location") && !value.isEmpty()) {
            Path path = Path.of(value);
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
              throw new UserError(
                  name
                      + " names "
                      + value
                      + ", which is not a readable file"
                      + (file == null ? "" : " (set in " + file + ")")
                      + "; paths are read on the machine or in the container the command runs in");
            }
          }
        });
  }

  /** The client settings the environment gives. */
  static Map<String, String> fromEnvironment(Map<String, String> env) {
    Map<String, String> settings = new TreeMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith(PREFIX) && !NOT_SETTINGS.contains(name)) {
            String setting = name.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
            if (!setting.isEmpty()) {
              settings.put(setting.replace('_', '.'), value);
            }
          }
        });
    return settings;
  }

  private static Map<String, String> read(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new UserError("Kafka client settings file " + file + " does not exist");
      }
      if (Files.size(file) > MAX_FILE) {
        throw new UserError(
            "Kafka client settings file " + file + " is larger than 1 MiB: not a settings file");
      }
      Properties properties = new Properties();
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(in);
      }
      Map<String, String> settings = new TreeMap<>();
      properties
          .stringPropertyNames()
          .forEach(k -> settings.put(k.strip(), properties.getProperty(k).strip()));
      return settings;
    } catch (IOException | IllegalArgumentException e) {
      throw new UserError("cannot read Kafka client settings from " + file + ": " + e.getMessage());
    }
  }
}
