package dev.bellwether.app;

import picocli.CommandLine.Option;

/** The Kafka cluster a command talks to, shared by the roles and tools ({@code @Mixin}). */
final class KafkaOptions {
  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      defaultValue = "${env:BELLWETHER_BOOTSTRAP_SERVERS:-localhost:9092}",
      description = "Kafka cluster (env BELLWETHER_BOOTSTRAP_SERVERS). Default: ${DEFAULT-VALUE}.")
  String bootstrapServers = "localhost:9092";

  String bootstrapServers() {
    return bootstrapServers;
  }
}
