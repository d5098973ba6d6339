package dev.bellwether.app;

import dev.bellwether.localkafka.KafkaForTests;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One broker for all the tests of a class ({@code @RegisterExtension static final SharedBroker
 * kafka = new SharedBroker(partitions)}): started before the first test, closed after the last,
 * with a {@link TopicContents} reading its topics.
 */
final class SharedBroker implements BeforeAllCallback, AfterAllCallback {
  private final int partitions;
  private KafkaForTests kafka;
  private TopicContents topics;

  SharedBroker(int partitions) {
    this.partitions = partitions;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    kafka = KafkaForTests.start(partitions);
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
