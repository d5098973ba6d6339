package dev.bellwether.app.console;

import dev.bellwether.schemas.KafkaConnection;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints committed alerts as they arrive. It reads as a consumer group and commits after each batch
 * it printed, so a restarted {@code bellwether run} continues where it stopped instead of printing
 * old alerts again.
 */
public final class AlertPrinter implements AutoCloseable {
  /** The consumer group of the console, separate from analysts' own consumers. */
  public static final String GROUP = "bellwether-console";

  private final KafkaConsumer<String, Alert> consumer;
  private final PrintStream out;
  private final boolean json;
  private final AtomicBoolean running = new AtomicBoolean(true);

  public AlertPrinter(KafkaConnection kafka, PrintStream out, boolean json) {
    this.consumer =
        new KafkaConsumer<>(
            config(kafka), new StringDeserializer(), BellwetherSerdes.alert().deserializer());
    this.out = out;
    this.json = json;
  }

  /** Prints until {@link #stop()}; runs on the caller's thread. */
  public void run() {
    consumer.subscribe(List.of(Topics.ALERTS.name()));
    try {
      while (running.get()) {
        var records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<String, Alert> record : records) {
          out.println(RecordLines.format(record.value(), json));
        }
        out.flush();
        if (!records.isEmpty()) {
          consumer.commitSync();
        }
      }
    } catch (WakeupException e) {
      // stop() was called
    }
  }

  /** Asks {@link #run()} to return; safe from any thread. */
  public void stop() {
    running.set(false);
    consumer.wakeup();
  }

  @Override
  public void close() {
    consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
  }

  private static Properties config(KafkaConnection kafka) {
    Properties p = new Properties();
    kafka.applyTo(p);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return p;
  }
}
