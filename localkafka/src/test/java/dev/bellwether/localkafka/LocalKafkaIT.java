package dev.bellwether.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bellwether.schemas.TopicInstaller;
import dev.bellwether.schemas.Topics;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaIT {
  @TempDir Path dataDir;

  @Test
  void keepsTopicsAndCommittedTransactionsAcrossARestart() throws Exception {
    try (LocalKafka kafka = LocalKafka.start(dataDir, 0)) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        assertThat(TopicInstaller.ensure(admin, Topics.all())).hasSize(Topics.all().size());
      }
      try (var producer = transactionalProducer(kafka)) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(Topics.ALERTS.name(), "story-1", "committed"));
        producer.commitTransaction();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(Topics.ALERTS.name(), "story-2", "aborted"));
        producer.flush();
        producer.abortTransaction();
      }
    }

    try (LocalKafka kafka = LocalKafka.start(dataDir, 0)) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        assertThat(TopicInstaller.ensure(admin, Topics.all())).as("nothing to create").isEmpty();
        assertThat(admin.listTopics().names().get()).contains(Topics.DLQ.name());
      }
      assertThat(readCommitted(kafka, Topics.ALERTS.name())).containsExactly("committed");
    }
  }

  @Test
  void refusesABrokerPortThatIsTakenWithAClearMessage() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(() -> LocalKafka.start(dataDir, taken.getLocalPort()))
          .isInstanceOf(LocalKafkaException.class)
          .hasMessageContaining("port " + taken.getLocalPort())
          .hasMessageContaining("--kafka-port");
    }
  }

  private static KafkaProducer<String, String> transactionalProducer(LocalKafka kafka) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "local-kafka-it");
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  private static List<String> readCommitted(LocalKafka kafka, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "local-kafka-it");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<String> values = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(Set.of(topic));
      long deadline = System.currentTimeMillis() + 15_000;
      while (values.isEmpty() && System.currentTimeMillis() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
      }
      consumer.poll(Duration.ofMillis(1000)).forEach(r -> values.add(r.value()));
    }
    return values;
  }
}
