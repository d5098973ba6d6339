package dev.bellwether.app;

import dev.bellwether.schemas.KafkaConnection;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The Kafka cluster a command talks to, shared by the roles and tools ({@code @Mixin}). */
final class KafkaOptions {
  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      defaultValue = "${env:BELLWETHER_BOOTSTRAP_SERVERS:-localhost:9092}",
      description = "Kafka cluster (env BELLWETHER_BOOTSTRAP_SERVERS). Default: ${DEFAULT-VALUE}.")
  String bootstrapServers = "localhost:9092";

  @Option(
      names = "--kafka-config",
      paramLabel = "FILE",
      defaultValue = "${env:BELLWETHER_KAFKA_CONFIG}",
      description =
          "Kafka client settings for every client of this command, as Java properties"
              + " (security.protocol, sasl.*, ssl.*: docs/configuration.md); also"
              + " BELLWETHER_KAFKA_<SETTING> variables, e.g."
              + " BELLWETHER_KAFKA_SECURITY_PROTOCOL=SASL_SSL, which win over the file."
              + " Secrets are never printed (env BELLWETHER_KAFKA_CONFIG).")
  Path kafkaConfig;

  String bootstrapServers() {
    return bootstrapServers;
  }

  /** The cluster and its client settings, from the flags, the file and the environment. */
  KafkaConnection connection() {
    return KafkaSettings.connection(bootstrapServers, kafkaConfig, System.getenv());
  }
}
