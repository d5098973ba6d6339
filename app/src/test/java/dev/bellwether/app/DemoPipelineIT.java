package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bellwether.app.demo.DemoFeedServer;
import dev.bellwether.ingest.source.SourcesFile;
import dev.bellwether.processors.ProcessorsRunner;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.DeadLetter;
import dev.bellwether.schemas.avro.EventType;
import dev.bellwether.schemas.avro.TextOrigin;
import dev.bellwether.schemas.serde.AvroSerde;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo sources through a real broker to the alerts topic, articles written by the page fetcher
 * (each falling back to its feed summary, as demo links point at unresolvable hosts): which alerts
 * come out, that the malformed feed and a poison record land in the DLQ while the run goes on, and
 * that a restart on the same data directory alerts nothing twice.
 */
class DemoPipelineIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int DEMO_ITEMS = 42;

  /** Headlines of demo items that must not alert (see demo/EXPECTED.md). */
  private static final List<String> MUST_NOT_ALERT =
      List.of(
          "Sequoia partner",
          "export your entire chat history",
          "Gemini 3.5 Flash",
          "xAI is not raising",
          "Gemini exchange",
          "of venture dollars",
          "Nvidia slips",
          "Meta pledges",
          "Lawmakers urge",
          "NSF commits",
          "EU publishes",
          "FTC opens",
          "Japan's cabinet",
          "Samsung and Groq",
          "MLPerf",
          "unnamed hyperscaler",
          "tops Chinese-language leaderboard",
          "Seoul schools",
          "apple harvest");

  @RegisterExtension static final SharedBroker kafka = new SharedBroker(3);

  @Test
  void demoFeedsBecomeAlertsOnceEvenAcrossARestart(@TempDir Path dataDir) throws Exception {
    RunOutput first =
        runUntil(
            dataDir,
            () ->
                read(Topics.ALERTS.name(), BellwetherSerdes.alert()).size() >= 20
                    && count(Topics.ARTICLES.name()) >= DEMO_ITEMS);
    List<Alert> alerts = read(Topics.ALERTS.name(), BellwetherSerdes.alert());

    List<Article> articles = read(Topics.ARTICLES.name(), BellwetherSerdes.article());
    assertThat(articles)
        .as("the page fetcher writes one article per item; demo links do not resolve")
        .hasSize(DEMO_ITEMS)
        .allSatisfy(
            a -> {
              assertThat(a.getTextOrigin()).isEqualTo(TextOrigin.FEED_SUMMARY);
              assertThat(a.getFallbackReason()).startsWith("cannot resolve host ");
            })
        .extracting(Article::getId)
        .doesNotHaveDuplicates();

    assertThat(alerts)
        .extracting(a -> a.getEventType() + " " + a.getCompanies().get(0))
        .contains(
            "FUNDING OpenAI",
            "FUNDING Anthropic",
            "EXPORT_CONTROL DeepSeek",
            "PARTNERSHIP Microsoft",
            "ACQUISITION Nvidia",
            "IPO Cerebras",
            "PARTNERSHIP Stability AI",
            "PARTNERSHIP Alibaba",
            "EXPORT_CONTROL Nvidia");
    assertThat(alerts)
        .filteredOn(a -> a.getEventType() == EventType.EXPORT_CONTROL && a.getRelaxed())
        .extracting(a -> a.getCompanies().get(0))
        .containsOnly("Nvidia");
    assertThat(alerts)
        .filteredOn(a -> a.getEventType() == EventType.PARTNERSHIP && a.getEnded())
        .extracting(a -> a.getCompanies().get(0))
        .contains("Stability AI");
    for (String negative : MUST_NOT_ALERT) {
      assertThat(alerts).extracting(Alert::getHeadline).noneMatch(h -> h.contains(negative));
    }
    assertThat(alerts).extracting(Alert::getId).doesNotHaveDuplicates();
    // one alert per story: a NEW, then an UPDATE for each further outlet that tells it
    java.util.Map<String, Long> newPerStory =
        alerts.stream()
            .filter(a -> a.getKind() == dev.bellwether.schemas.avro.AlertKind.NEW)
            .collect(
                java.util.stream.Collectors.groupingBy(
                    Alert::getStoryId, java.util.stream.Collectors.counting()));
    assertThat(newPerStory.values()).containsOnly(1L);
    assertThat(alerts)
        .extracting(Alert::getStoryId)
        .allMatch(newPerStory::containsKey, "every update follows its story's NEW");
    assertThat(newPerStory).hasSize(9);
    assertThat(alerts)
        .filteredOn(
            a ->
                a.getKind() == dev.bellwether.schemas.avro.AlertKind.UPDATE
                    && a.getCompanies().get(0).equals("OpenAI"))
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.getSources()).hasSizeGreaterThan(1));
    assertThat(first.console()).contains("OpenAI").contains("FUNDING").contains("UPDATE");

    List<DeadLetter> letters = read(Topics.DLQ.name(), BellwetherSerdes.deadLetter());
    assertThat(letters)
        .anySatisfy(
            l -> {
              assertThat(l.getStage()).isEqualTo("ingest.feed");
              assertThat(l.getSourceId()).isEqualTo("broken-wire");
              assertThat(l.getReason()).contains("not well-formed");
            });
    assertThat(letters)
        .anySatisfy(
            l -> {
              assertThat(l.getStage()).isEqualTo("processors.deserialize");
              assertThat(l.getTopic()).isEqualTo(Topics.DISCOVERED.name());
            });

    RunOutput second =
        runUntil(
            dataDir,
            () -> count(Topics.DISCOVERED.name()) >= 2 * DEMO_ITEMS + 1 && processorsCaughtUp());

    assertThat(read(Topics.ALERTS.name(), BellwetherSerdes.alert()))
        .as("no alert repeats after a restart")
        .hasSameSizeAs(alerts);
    assertThat(second.console()).as("the console prints nothing old again").isBlank();
  }

  private record RunOutput(String console) {}

  /** Runs the whole demo pipeline until {@code done} holds, then shuts it down cleanly. */
  private static RunOutput runUntil(Path dataDir, java.util.concurrent.Callable<Boolean> done)
      throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try (DemoFeedServer demo = DemoFeedServer.start()) {
      SourcesFile sources =
          SourcesFile.parse(
              DemoFeedServer.sourcesYaml(),
              "demo/sources.yaml",
              Map.of("DEMO_BASE", demo.baseUrl().toString()));
      var options =
          new LocalPipeline.Options(
              dataDir, 0, kafka.connection(), sources, Knowledge.builtIn(), false);
      try (LocalPipeline pipeline =
          LocalPipeline.start(options, new PrintStream(console, true, StandardCharsets.UTF_8))) {
        Future<?> printing = runner.submit(pipeline::printAlertsUntilShutdown);
        injectPoisonRecordOnce();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(done);
        Thread.sleep(1500); // let the console print what is committed
        pipeline.stopPrinting();
        printing.get(30, TimeUnit.SECONDS);
      }
    } finally {
      runner.shutdownNow();
    }
    return new RunOutput(console.toString(StandardCharsets.UTF_8));
  }

  private static boolean poisoned;

  private static void injectPoisonRecordOnce() {
    if (poisoned) {
      return;
    }
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer.send(
          new ProducerRecord<>(
              Topics.DISCOVERED.name(),
              "poison".getBytes(StandardCharsets.UTF_8),
              "<item>not avro</item>".getBytes(StandardCharsets.UTF_8)));
    }
    poisoned = true;
  }

  private static boolean processorsCaughtUp() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(ProcessorsRunner.APPLICATION_ID)
              .partitionsToOffsetAndMetadata()
              .get();
      var request = new java.util.HashMap<TopicPartition, OffsetSpec>();
      committed.keySet().forEach(tp -> request.put(tp, OffsetSpec.latest()));
      var ends = admin.listOffsets(request).all().get();
      return !committed.isEmpty()
          && committed.entrySet().stream()
              .allMatch(e -> e.getValue().offset() >= ends.get(e.getKey()).offset());
    }
  }

  private static long count(String topic) {
    return readRaw(topic).size();
  }

  private static <T extends SpecificRecord> List<T> read(String topic, AvroSerde<T> serde) {
    List<T> values = new ArrayList<>();
    for (byte[] bytes : readRaw(topic)) {
      values.add(serde.deserialize(topic, bytes));
    }
    return values;
  }

  /** Every committed record of {@code topic}, read from the beginning to its current end. */
  private static List<byte[]> readRaw(String topic) {
    return kafka.topics().records(topic).stream().map(r -> r.value()).toList();
  }
}
