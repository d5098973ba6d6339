package dev.bellwether.app;

import dev.bellwether.app.config.ConfigKey;
import dev.bellwether.schemas.KafkaConnection;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The Kafka cluster a command talks to, shared by the roles and tools ({@code @Mixin}). */
final class KafkaOptions {
  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      descriptionKey = ConfigKey.Names.BOOTSTRAP_SERVERS)
  String bootstrapServers;

  @Option(
      names = "--kafka-config",
      paramLabel = "FILE",
      descriptionKey = ConfigKey.Names.KAFKA_CONFIG)
  Path kafkaConfig;

  String bootstrapServers() {
    return bootstrapServers;
  }

  /** The cluster and its client settings, from the flags, the file and the environment. */
  KafkaConnection connection() {
    return KafkaSettings.connection(bootstrapServers, kafkaConfig, System.getenv());
  }
}
