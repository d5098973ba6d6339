package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bellwether.schemas.KafkaConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSettingsTest {
  @Test
  void readsTheFileThenTheVariablesWhichWin(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("client.properties");
    Files.writeString(
        file,
        "# a managed cluster\n"
            + "security.protocol=SASL_SSL\n"
            + "sasl.mechanism=SCRAM-SHA-512\n"
            + "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\\n"
            + "  username=\"bw\" password=\"from-file\";\n");
    Path trust = Files.writeString(dir.resolve("ca.p12"), "not read here");
    Map<String, String> env =
        Map.of(
            "BELLWETHER_KAFKA_SASL_MECHANISM", "SCRAM-SHA-256",
            "BELLWETHER_KAFKA_SSL_TRUSTSTORE_LOCATION", trust.toString(),
            "BELLWETHER_KAFKA_LOG_LEVEL", "DEBUG",
            "BELLWETHER_KAFKA_CONFIG", file.toString(),
            "BELLWETHER_BOOTSTRAP_SERVERS", "ignored:1",
            "PATH", "/usr/bin");

    KafkaConnection connection = KafkaSettings.connection("broker:9093", file, env);

    assertThat(connection.bootstrapServers()).isEqualTo("broker:9093");
    assertThat(connection.settings())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-256")
        .containsEntry("ssl.truststore.location", trust.toString())
        .containsKey("sasl.jaas.config")
        .doesNotContainKeys("log.level", "config", "path");
    assertThat(connection.settings().get("sasl.jaas.config")).contains("password=\"from-file\"");
    assertThat(connection.describe())
        .contains("sasl.jaas.config=(set)")
        .doesNotContain("from-file");
  }

  @Test
  void saysClearlyWhatIsWrong(@TempDir Path dir) throws Exception {
    Path withServers = dir.resolve("servers.properties");
    Files.writeString(withServers, "bootstrap.servers=other:9092\n");

    assertThatThrownBy(
            () -> KafkaSettings.connection("b:9092", dir.resolve("missing.properties"), Map.of()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("missing.properties does not exist");
    assertThatThrownBy(() -> KafkaSettings.connection("b:9092", withServers, Map.of()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("--bootstrap-servers");
    assertThatThrownBy(
            () ->
                KafkaSettings.connection(
                    "b:9092",
                    null,
                    Map.of("BELLWETHER_KAFKA_SSL_KEYSTORE_LOCATION", dir + "/absent.p12")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("ssl.keystore.location names " + dir + "/absent.p12")
        .hasMessageContaining("not a readable file");
    assertThatThrownBy(() -> KafkaSettings.connection(" ", null, Map.of()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("no Kafka cluster");
  }
}
