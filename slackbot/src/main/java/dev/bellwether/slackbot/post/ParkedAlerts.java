package dev.bellwether.slackbot.post;

import dev.bellwether.schemas.DeadLetters;
import dev.bellwether.schemas.KafkaConnection;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.DeadLetter;
import dev.bellwether.schemas.serde.AvroSerde;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import dev.bellwether.slackbot.SlackBotException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Alerts Slack would not take, parked on {@code bellwether.dlq} with stage and reason. */
public final class ParkedAlerts implements AutoCloseable {
  private static final AvroSerde<DeadLetter> SERDE = BellwetherSerdes.deadLetter();

  private final KafkaProducer<byte[], byte[]> producer;
  private final Clock clock;

  public ParkedAlerts(KafkaConnection kafka, Clock clock) {
    this.producer =
        new KafkaProducer<>(
            kafka.durableProducerConfig("bellwether-slack-dlq"),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    this.clock = clock;
  }

  /** Parks the record and waits for the broker, so the caller may commit its offset after. */
  public void park(String stage, String reason, ConsumerRecord<byte[], byte[]> record) {
    DeadLetter letter = letter(stage, reason, record, clock);
    byte[] value = SERDE.serializer().serialize(Topics.DLQ.name(), letter);
    try {
      producer
          .send(new ProducerRecord<>(Topics.DLQ.name(), null, record.key(), value))
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SlackBotException("interrupted while parking an alert", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new SlackBotException("cannot park an alert on " + Topics.DLQ.name(), e);
    }
  }

  static DeadLetter letter(
      String stage, String reason, ConsumerRecord<byte[], byte[]> record, Clock clock) {
    return DeadLetters.builder(stage, reason, clock.instant())
        .at(record)
        .key(record.key())
        .original(record.value())
        .build();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
