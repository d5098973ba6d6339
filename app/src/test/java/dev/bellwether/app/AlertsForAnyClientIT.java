package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellwether.app.demo.DemoFeedServer;
import dev.bellwether.ingest.source.SourcesFile;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.json.AlertJsonLines;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo's alerts read as an analyst's own tools read them, without Avro: {@code
 * bellwether.alerts.json} holds every alert of {@code bellwether.alerts} once, keyed by story id,
 * as one JSON object with the fields of {@code tail --json}. Read by a plain Java consumer, by
 * {@code kcat} and by the Python example of docs/consumers.md ({@code confluent-kafka}); the last
 * two are skipped, saying why, where the tool is not installed ({@code .ci/run} installs Debian's
 * {@code kcat} and {@code python3-confluent-kafka}).
 */
class AlertsForAnyClientIT {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int DEMO_ALERTS = 21;
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final SharedBroker kafka = new SharedBroker(3);

  /** The demo's alerts from the Avro topic, by alert id, with their keys. */
  private static final Map<String, Alert> alerts = new HashMap<>();

  private static final Map<String, String> keys = new HashMap<>();

  @BeforeAll
  static void runTheDemo() throws Exception {
    Path dataDir = Files.createTempDirectory("alerts-json-it");
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
      PrintStream console =
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
      try (LocalPipeline pipeline = LocalPipeline.start(options, console)) {
        var printing = runner.submit(pipeline::printAlertsUntilShutdown);
        await()
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    contents().records(Topics.ALERTS.name()).size() >= DEMO_ALERTS
                        && contents().records(Topics.ALERTS_JSON.name()).size() >= DEMO_ALERTS);
        pipeline.stopPrinting();
        printing.get(30, TimeUnit.SECONDS);
      }
    } finally {
      runner.shutdownNow();
    }
    for (ConsumerRecord<String, byte[]> r : contents().records(Topics.ALERTS.name())) {
      Alert alert = BellwetherSerdes.alert().deserialize(r.topic(), r.value());
      alerts.put(alert.getId(), alert);
      keys.put(alert.getId(), r.key());
    }
  }

  @Test
  void everyAlertIsOnTheJsonTopicOnceKeyedByItsStory() throws Exception {
    List<String[]> lines = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : contents().records(Topics.ALERTS_JSON.name())) {
      lines.add(new String[] {r.key(), new String(r.value(), StandardCharsets.UTF_8)});
    }

    assertThat(alerts).hasSize(DEMO_ALERTS);
    assertSameAlerts(lines, "a Java consumer reading bytes");
  }

  @Test
  void kcatReadsEveryAlertAsKeyedJson() throws Exception {
    Assumptions.assumeTrue(
        onPath("kcat"), "kcat is not installed (Debian: apt install kcat); kcat check skipped");
    List<String> output =
        run(
            List.of(
                "kcat",
                "-C",
                "-b",
                kafka.bootstrapServers(),
                "-t",
                Topics.ALERTS_JSON.name(),
                "-o",
                "beginning",
                "-e",
                "-q",
                "-f",
                "%k\\t%s\\n"));

    assertSameAlerts(tabSeparated(output), "kcat");
  }

  @Test
  void thePythonExampleReadsEveryAlertAsKeyedJson() throws Exception {
    Path script = Path.of("..", "docs", "examples", "read_alerts.py").toAbsolutePath().normalize();
    String python =
        Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    Assumptions.assumeTrue(
        run(List.of(python, "-c", "import confluent_kafka"), true) != null,
        "confluent-kafka is not installed for "
            + python
            + " (Debian: apt install python3-confluent-kafka); Python check skipped");
    List<String> output =
        run(
            List.of(
                python,
                script.toString(),
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--from-beginning",
                "--idle-seconds",
                "5"));

    assertSameAlerts(tabSeparated(output), "the Python example");
  }

  /** Each line is an alert of the Avro topic, once, under its story id, with the same fields. */
  private static void assertSameAlerts(List<String[]> lines, String reader) throws IOException {
    Map<String, Integer> seen = new HashMap<>();
    for (String[] line : lines) {
      JsonNode json = JSON.readTree(line[1]);
      String id = json.get("id").asText();
      seen.merge(id, 1, Integer::sum);
      assertThat(alerts).as(reader + ": alert " + id + " is one of the demo's").containsKey(id);
      assertThat(line[0]).as(reader + ": key of " + id).isEqualTo(keys.get(id));
      assertThat(json.get("storyId").asText()).isEqualTo(line[0]);
      assertThat(json.get("firstSeen").asText()).as("times as ISO-8601").endsWith("Z");
      assertThat(json.get("kind").asText()).isIn("NEW", "UPDATE");
      assertThat(AlertJsonLines.parse(line[1])).as(reader + ": " + id).isEqualTo(alerts.get(id));
    }
    assertThat(seen).as(reader + ": every alert").hasSameSizeAs(alerts);
    assertThat(seen.values()).as(reader + ": each once").containsOnly(1);
  }

  private static List<String[]> tabSeparated(List<String> output) {
    return output.stream().filter(l -> !l.isBlank()).map(l -> l.split("\t", 2)).toList();
  }

  private static TopicContents contents() {
    return kafka.topics();
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> run(List<String> command) throws Exception {
    List<String> lines = run(command, false);
    assertThat(lines).as(String.join(" ", command)).isNotNull();
    return lines;
  }

  /** The command's standard output lines, or null when it fails or outlives a minute. */
  private static List<String> run(List<String> command, boolean quiet) throws Exception {
    Path err = Files.createTempFile("client", ".err");
    Path out = Files.createTempFile("client", ".out");
    Process p =
        new ProcessBuilder(command)
            .redirectError(err.toFile())
            .redirectOutput(out.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    boolean done = p.waitFor(60, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    if (!done || p.exitValue() != 0) {
      if (!quiet) {
        System.err.println(command.get(0) + " failed: " + Files.readString(err));
      }
      return null;
    }
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }
}
