package dev.bellwether.app;

import dev.bellwether.localkafka.KafkaForTests;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One broker for all the tests of a class ({@code @RegisterExtension static final SharedBroker
 * kafka = new SharedBroker(partitions)}): started before the first test (and before the class's own
 * {@code @BeforeAll}), closed after the last, with a {@link TopicContents} reading its topics.
 */
final class SharedBroker implements BeforeAllCallback, AfterAllCallback {
  private final Supplier<KafkaForTests> broker;
  private KafkaForTests kafka;
  private TopicContents topics;

  /** A broker with every Bellwether topic, each with {@code partitions} partitions. */
  SharedBroker(int partitions) {
    this(() -> KafkaForTests.start(partitions));
  }

  private SharedBroker(Supplier<KafkaForTests> broker) {
    this.broker = broker;
  }

  /** A broker without any Bellwether topic, for tests of the topic set-up itself. */
  static SharedBroker withoutTopics() {
    return new SharedBroker(KafkaForTests::startWithoutTopics);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    kafka = broker.get();
    topics = new TopicContents(kafka.bootstrapServers());
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    kafka.close();
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  dev.bellwether.schemas.KafkaConnection connection() {
    return dev.bellwether.schemas.KafkaConnection.of(bootstrapServers());
  }

  TopicContents topics() {
    return topics;
  }
}
