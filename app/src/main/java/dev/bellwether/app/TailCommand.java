package dev.bellwether.app;

import dev.bellwether.app.console.RecordLines;
import dev.bellwether.schemas.TopicSpec;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.json.AlertJsonLines;
import dev.bellwether.schemas.serde.AvroSerde;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bellwether tail}: prints a topic's committed records. */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description = {
      "Print the committed records of a Bellwether topic from a running cluster.",
      "",
      "Alerts and dead letters are shown as readable lines; other topics, and every topic"
          + " with --json, as one JSON object per line for jq.",
      "It reads without joining a consumer group, so it never disturbs other readers."
    },
    footer = {
      "",
      "Examples:",
      "  bellwether tail                                # new alerts as they arrive",
      "  bellwether tail --from-beginning --json | jq .headline",
      "  bellwether tail --topic dlq --from-beginning   # what could not be used, and why"
    })
final class TailCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--topic",
      defaultValue = "alerts",
      description =
          "Topic, short or full name: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
      completionCandidates = TopicNames.class,
      converter = TopicConverter.class)
  TopicSpec topic;

  @Option(names = "--from-beginning", description = "Start at the oldest record, not the newest.")
  boolean fromBeginning;

  @Option(names = "--json", description = "One JSON object per line.")
  boolean json;

  @Mixin KafkaOptions kafka = new KafkaOptions();

  @Option(
      names = "--max-records",
      description = "Stop after this many records (default: run until Ctrl-C).")
  long maxRecords = Long.MAX_VALUE;

  @Option(
      names = "--idle-timeout",
      description = "Stop when nothing arrives for this long, e.g. 10s (default: never).")
  Duration idleTimeout;

  @Override
  public Integer call() {
    TopicSpec spec = topic;
    Function<byte[], SpecificRecord> serde = decoder(spec);
    PrintWriter out = this.spec.commandLine().getOut();
    try (var consumer =
        new KafkaConsumer<>(config(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = partitions(consumer, spec.name());
      consumer.assign(partitions);
      if (fromBeginning) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(consumer::wakeup));
      return printUntilDone(consumer, serde, out);
    } catch (org.apache.kafka.common.errors.WakeupException e) {
      return 0;
    }
  }

  /**
   * How a value of {@code topic} is read: Avro through the topic's serde, or for {@code
   * bellwether.alerts.json} the JSON alert read back, so that both alert topics print alike.
   */
  private static Function<byte[], SpecificRecord> decoder(TopicSpec topic) {
    if (topic.equals(Topics.ALERTS_JSON)) {
      return bytes ->
          bytes == null ? null : AlertJsonLines.parse(new String(bytes, StandardCharsets.UTF_8));
    }
    AvroSerde<? extends SpecificRecord> serde = BellwetherSerdes.forTopic(topic);
    return bytes -> serde.deserialize(topic.name(), bytes);
  }

  private int printUntilDone(
      KafkaConsumer<byte[], byte[]> consumer,
      Function<byte[], SpecificRecord> serde,
      PrintWriter out) {
    long printed = 0;
    long idleSince = System.nanoTime();
    while (printed < maxRecords) {
      var records = consumer.poll(Duration.ofMillis(500));
      if (records.isEmpty()
          && idleTimeout != null
          && System.nanoTime() - idleSince > idleTimeout.toNanos()) {
        return 0;
      }
      for (ConsumerRecord<byte[], byte[]> record : records) {
        idleSince = System.nanoTime();
        out.println(line(serde, record));
        out.flush();
        if (++printed >= maxRecords) {
          break;
        }
      }
    }
    return 0;
  }

  private String line(
      Function<byte[], SpecificRecord> serde, ConsumerRecord<byte[], byte[]> record) {
    try {
      SpecificRecord value = serde.apply(record.value());
      return value == null
          ? "(tombstone for key " + key(record) + ")"
          : RecordLines.format(value, json);
    } catch (SerializationException | IllegalArgumentException e) {
      return "(unreadable record at "
          + record.topic()
          + "-"
          + record.partition()
          + "@"
          + record.offset()
          + ": "
          + e.getMessage()
          + ")";
    }
  }

  private static String key(ConsumerRecord<byte[], byte[]> record) {
    return record.key() == null
        ? "null"
        : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static List<TopicPartition> partitions(
      KafkaConsumer<byte[], byte[]> consumer, String topic) {
    var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
    if (infos == null || infos.isEmpty()) {
      throw new UserError(
          "topic " + topic + " does not exist on this cluster; is Bellwether running?");
    }
    return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
  }

  private Properties config() {
    Properties p = new Properties();
    kafka.connection().applyTo(p);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "bellwether-tail");
    return p;
  }

  /** Reads a topic's short or full name. */
  static final class TopicConverter implements picocli.CommandLine.ITypeConverter<TopicSpec> {
    @Override
    public TopicSpec convert(String value) {
      try {
        return Topics.byName(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** Topic short names, for --help and completion. */
  static final class TopicNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Topics.shortNames().iterator();
    }
  }
}
