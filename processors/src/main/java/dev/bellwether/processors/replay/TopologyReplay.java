package dev.bellwether.processors.replay;

import dev.bellwether.processors.BellwetherTopology;
import dev.bellwether.processors.ProcessorsRunner;
import dev.bellwether.schemas.KafkaConnection;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Runs the same topology the processors run, in Kafka Streams' test driver (no broker), over
 * articles given in publication order, and returns the alerts it writes. The stores start empty and
 * are thrown away afterwards. Processing is at-least-once here, which for one thread over one
 * ordered input gives what exactly-once gives on a broker.
 */
public final class TopologyReplay {
  private TopologyReplay() {}

  /** The alerts the topology gives for the articles, in the order it writes them. */
  public static List<Alert> alerts(BellwetherTopology.Settings settings, List<Article> articles) {
    List<Article> ordered = new ArrayList<>(articles);
    ordered.sort(Comparator.comparing(TopologyReplay::published));
    return alertsAsArriving(settings, ordered);
  }

  /**
   * The alerts the topology gives for the articles arriving in the order given (each record stamped
   * with its publication time), in the order it writes them: what an order-independence test feeds.
   */
  public static List<Alert> alertsAsArriving(
      BellwetherTopology.Settings settings, List<Article> ordered) {
    Path state;
    try {
      state = Files.createTempDirectory("bellwether-replay");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary state directory", e);
    }
    Properties config = ProcessorsRunner.config(KafkaConnection.of("replay:9092"), state);
    config.put("processing.guarantee", "at_least_once");
    Instant start =
        ordered.stream()
            .map(TopologyReplay::published)
            .min(Comparator.naturalOrder())
            .orElse(Instant.EPOCH);
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            BellwetherTopology.build(
                settings.newBuilder().articlesFromFeedSummaries(false).build()),
            config,
            start)) {
      var in =
          driver.createInputTopic(
              Topics.ARTICLES.name(),
              new StringSerializer(),
              BellwetherSerdes.article().serializer());
      var out =
          driver.createOutputTopic(
              Topics.ALERTS.name(),
              new StringDeserializer(),
              BellwetherSerdes.alert().deserializer());
      List<Alert> alerts = new ArrayList<>();
      for (Article a : ordered) {
        in.pipeInput(a.getId(), a, published(a));
        alerts.addAll(out.readValuesToList());
      }
      return alerts;
    } finally {
      deleteQuietly(state);
    }
  }

  private static Instant published(Article a) {
    return a.getPublished() != null ? a.getPublished() : a.getDiscovered();
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
