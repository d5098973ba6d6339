package dev.bellwether.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {
  private static final String JAAS =
      "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"bw\""
          + " password=\"hunter2\";";

  private static final KafkaConnection SECURED =
      new KafkaConnection(
          "broker-1:9093,broker-2:9093",
          Map.of(
              "security.protocol", "SASL_SSL",
              "sasl.mechanism", "SCRAM-SHA-512",
              "sasl.jaas.config", JAAS,
              "ssl.truststore.location", "/etc/bw/truststore.p12",
              "ssl.truststore.password", "changeit",
              "ssl.keystore.key", "-----BEGIN PRIVATE KEY-----"));

  @Test
  void everyClientConfigurationCarriesTheSettingsAndTheServers() {
    Map<String, Object> config = SECURED.config(Map.of("group.id", "bellwether-slack"));

    assertThat(config)
        .containsEntry("bootstrap.servers", "broker-1:9093,broker-2:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.jaas.config", JAAS)
        .containsEntry("group.id", "bellwether-slack");
    Properties streams = new Properties();
    streams.put("application.id", "bellwether-processors");
    streams.put("security.protocol", "SSL"); // a caller's own setting is kept
    SECURED.applyTo(streams);
    assertThat(streams)
        .containsEntry("application.id", "bellwether-processors")
        .containsEntry("security.protocol", "SSL")
        .containsEntry("bootstrap.servers", "broker-1:9093,broker-2:9093")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
  }

  @Test
  void aGroupConsumerCommitsItselfAndStartsFromTheEarliest() {
    Map<String, Object> config =
        SECURED.groupConsumerConfig("bellwether-fetch", Map.of("max.poll.records", 20));

    assertThat(config)
        .containsEntry("bootstrap.servers", "broker-1:9093,broker-2:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("group.id", "bellwether-fetch")
        .containsEntry("enable.auto.commit", false)
        .containsEntry("auto.offset.reset", "earliest")
        .containsEntry("max.poll.records", 20);
    assertThat(SECURED.groupConsumerConfig("g", Map.of("auto.offset.reset", "latest")))
        .containsEntry("auto.offset.reset", "latest");
  }

  @Test
  void neverShowsASecret() {
    String shown = SECURED.describe();

    assertThat(shown)
        .startsWith("broker-1:9093,broker-2:9093 (")
        .contains("security.protocol=SASL_SSL", "sasl.mechanism=SCRAM-SHA-512")
        .contains("sasl.jaas.config=(set)", "ssl.truststore.password=(set)")
        .contains("ssl.keystore.key=(set)", "ssl.truststore.location=/etc/bw/truststore.p12")
        .doesNotContain("hunter2", "changeit", "PRIVATE KEY");
    assertThat(SECURED.toString()).isEqualTo(shown);
    assertThat(KafkaConnection.of("localhost:9092").describe()).isEqualTo("localhost:9092");
  }

  @Test
  void refusesAMissingAddressOrOneGivenTwice() {
    assertThatThrownBy(() -> KafkaConnection.of(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no bootstrap servers");
    assertThatThrownBy(() -> new KafkaConnection("a:9092", Map.of("bootstrap.servers", "b:9092")))
        .hasMessageContaining("--bootstrap-servers");
  }
}
