package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.DeadLetter;
import dev.bellwether.schemas.avro.EventType;
import dev.bellwether.schemas.avro.FeedItem;
import dev.bellwether.schemas.avro.TextOrigin;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: every kind of hostile input thrown at a running {@code bellwether run} (a child JVM
 * with a 384 MiB heap, against a real broker), from one loopback server of bad feeds plus one good
 * feed, and bad records written straight to the processors' input topics. Each bad input must be
 * refused with its own reason on {@code bellwether.dlq} and counted in {@code
 * bellwether_dlq_records_total}, the good feed must still become alerts, and the process must stay
 * alive and ready.
 *
 * <p>Redirect to a private address: the other sources are on loopback, so the file sets {@code
 * network.allow-private: true}; the one source that must not reach private addresses says {@code
 * allow-private: false} (a source may narrow the file's permission) and is named by a host that the
 * child JVM's hosts file ({@code jdk.net.hosts.file}) maps to a documentation address, reached
 * through the test server acting as an HTTP proxy ({@code http.proxyHost}). No production code
 * knows about the test: the client resolves the name, finds a public address, fetches, and is
 * refused when the answer redirects to 127.0.0.1.
 */
class HostileInputIT {
  private static final Duration WAIT = Duration.ofSeconds(150);
  private static final Pattern DLQ_METER =
      Pattern.compile(
          "(?m)^bellwether_dlq_records_total\\{role=\"run\",stage=\"([^\"]+)\"} (\\S+)");

  @RegisterExtension static final SharedBroker kafka = new SharedBroker(3);

  @TempDir Path dir;

  @Test
  void refusesEveryHostileInputWithItsReasonAndKeepsAlerting() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), HostileFeedServer.SECRET);
    writePoisonRecords();
    try (HostileFeedServer server = HostileFeedServer.start(secret.toUri().toString());
        RoleProcess run = startRun(server)) {
      await("the good feed's alerts, past the hostile inputs")
          .atMost(WAIT)
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> !run.isAlive() || alerts().size() >= 2 && everyRefusalArrived());
      assertThat(run.isAlive()).as(run.log()).isTrue();

      assertGoodFeedAlerts();
      List<DeadLetter> letters = deadLetters();
      assertRefusedOverHttp(letters);
      assertRefusedByTheParser(letters);
      assertRefusedByTheProcessors(letters);
      assertNothingLeaked();
      assertXxeItemWithoutTheEntity();
      await("the long-title item's article")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(HostileInputIT::assertLongTitleCut);
      assertCounted(run, letters);
      assertHealthy(run);
    }
  }

  /** The sources whose every poll is refused, and the processors' stages of the bad records. */
  private static final List<String> REFUSED =
      List.of(
          "malformed",
          "billion-laughs",
          "gzip-bomb",
          "huge",
          "slow-drip",
          "loop-a",
          "redirect-private",
          "undecodable",
          "processors.deserialize",
          "processors.tag-article");

  private static boolean everyRefusalArrived() {
    List<String> seen =
        deadLetters().stream()
            .map(l -> l.getSourceId() != null ? l.getSourceId() : l.getStage())
            .toList();
    return seen.containsAll(REFUSED);
  }

  private RoleProcess startRun(HostileFeedServer server) throws Exception {
    Path sources = Files.writeString(dir.resolve("sources.yaml"), sourcesYaml(server));
    String hostname = InetAddress.getLocalHost().getHostName();
    Path hosts =
        Files.writeString(
            dir.resolve("hosts"),
            "127.0.0.1 localhost "
                + hostname
                // a public address (the retired 6to4 relay anycast, 192.88.99/24) that nothing
                // reaches: every request for the host goes through the proxy
                + "\n192.88.99.7 "
                + HostileFeedServer.PUBLIC_HOST
                + "\n");
    List<String> jvm =
        List.of(
            "-Djdk.net.hosts.file=" + hosts,
            "-Dhttp.proxyHost=127.0.0.1",
            "-Dhttp.proxyPort=" + server.port(),
            "-Dhttp.nonProxyHosts=localhost|127.*|[::1]");
    return RoleProcess.start(
        dir,
        jvm,
        Map.of(),
        "run",
        "--sources",
        sources.toString(),
        "--bootstrap-servers",
        kafka.bootstrapServers(),
        "--data-dir",
        dir.resolve("data").toString(),
        "--http-port",
        "0");
  }

  private static String sourcesYaml(HostileFeedServer server) {
    StringBuilder yaml = new StringBuilder("network:\n  allow-private: true\nsources:\n");
    for (String path :
        List.of(
            "good.xml",
            "malformed.xml",
            "xxe.xml",
            "billion-laughs.xml",
            "gzip-bomb.xml",
            "huge.xml",
            "slow-drip.xml",
            "loop-a",
            "undecodable.xml",
            "long-title.xml")) {
      String id = path.replace(".xml", "");
      yaml.append("  - {id: ")
          .append(id)
          .append(", url: '")
          .append(server.base().resolve(path))
          .append("', interval: 30s}\n");
    }
    yaml.append("  - {id: redirect-private, url: 'http://")
        .append(HostileFeedServer.PUBLIC_HOST)
        .append("/redirect-private', interval: 30s, allow-private: false}\n");
    return yaml.toString();
  }

  /**
   * Before the pipeline starts, so that on every partition a bad record precedes the good ones: an
   * Avro record of another schema on {@code bellwether.discovered}, and a tombstone (a record that
   * decodes to nothing, so the tagger throws) on {@code bellwether.articles}.
   */
  private static void writePoisonRecords() throws Exception {
    DeadLetter otherSchema =
        DeadLetter.newBuilder()
            .setStage("test")
            .setReason("a DeadLetter where a FeedItem belongs")
            .setOriginal(java.nio.ByteBuffer.wrap(new byte[0]))
            .setOriginalSize(0)
            .setTime(Instant.parse("2026-11-29T00:00:00Z"))
            .build();
    byte[] otherBytes =
        BellwetherSerdes.deadLetter().serialize(Topics.DISCOVERED.name(), otherSchema);
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (int partition = 0; partition < 3; partition++) {
        byte[] key = ("poison-" + partition).getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(Topics.DISCOVERED.name(), partition, key, otherBytes));
        producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), partition, key, null));
      }
      producer.flush();
    }
  }

  private static void assertGoodFeedAlerts() {
    assertThat(alerts())
        .extracting(a -> a.getEventType() + " " + a.getCompanies().get(0))
        .contains("FUNDING Anthropic", "ACQUISITION Nvidia");
    assertThat(alerts()).extracting(Alert::getEventType).contains(EventType.FUNDING);
  }

  private static void assertRefusedOverHttp(List<DeadLetter> letters) {
    assertLetter(
        letters, "gzip-bomb", "ingest.http", "the decompressed body exceeds the limit of 10485760");
    assertLetter(letters, "huge", "ingest.http", "the body exceeds the limit of 10485760 bytes");
    assertLetter(letters, "slow-drip", "ingest.http", "timed out fetching from 127.0.0.1");
    assertLetter(letters, "loop-a", "ingest.http", "more than 5 redirects");
    assertLetter(
        letters,
        "redirect-private",
        "ingest.http",
        "host 127.0.0.1 resolves to the private or loopback address 127.0.0.1");
  }

  private static void assertRefusedByTheParser(List<DeadLetter> letters) {
    assertLetter(letters, "malformed", "ingest.feed", "not well-formed");
    assertLetter(
        letters,
        "billion-laughs",
        "ingest.feed",
        "The document's entities expand beyond safe limits, as in a \"billion laughs\" attack");
    assertLetter(letters, "undecodable", "ingest.feed", "byte-order mark");
  }

  private static void assertRefusedByTheProcessors(List<DeadLetter> letters) {
    assertThat(letters)
        .filteredOn(l -> l.getStage().equals("processors.deserialize"))
        .as("an Avro record of another schema on bellwether.discovered")
        .anySatisfy(
            l -> {
              assertThat(l.getTopic()).isEqualTo(Topics.DISCOVERED.name());
              assertThat(l.getReason()).contains("not a readable FeedItem message");
            });
    assertThat(letters)
        .filteredOn(l -> l.getStage().equals("processors.tag-article"))
        .as("a tombstone on bellwether.articles")
        .anySatisfy(
            l -> {
              assertThat(l.getTopic()).isEqualTo(Topics.ARTICLES.name());
              assertThat(l.getReason()).contains("an empty record (no value, a tombstone)");
            });
  }

  /**
   * XXE is not dead-lettered: external entities are never read, so the feed parses with the entity
   * left out. What matters is that the file's text appears nowhere.
   */
  private static void assertNothingLeaked() {
    for (var topic : List.of(Topics.DISCOVERED, Topics.ARTICLES, Topics.DLQ, Topics.ALERTS)) {
      assertThat(raw(topic.name()))
          .as("the XXE target's text on %s", topic.name())
          .noneMatch(
              v ->
                  v != null
                      && new String(v, StandardCharsets.ISO_8859_1)
                          .contains(HostileFeedServer.SECRET));
    }
  }

  /**
   * A 1 MiB title is not refused: the item goes on with its title cut to 1,024 characters, and so
   * does its article (its page answers 404, so the article falls back to the feed summary, the
   * fetcher's documented behaviour for a page it cannot use, with the reason and no dead letter).
   */
  private static void assertLongTitleCut() {
    assertThat(itemsOf("long-title"))
        .isNotEmpty()
        .allSatisfy(i -> assertThat(i.getTitle()).hasSize(1024).endsWith("\u2026"));
    List<Article> articles =
        raw(Topics.ARTICLES.name()).stream()
            .filter(Objects::nonNull)
            .map(v -> BellwetherSerdes.article().deserialize(Topics.ARTICLES.name(), v))
            .filter(a -> a.getSourceId().equals("long-title"))
            .toList();
    assertThat(articles)
        .isNotEmpty()
        .allSatisfy(
            a -> {
              assertThat(a.getTitle()).hasSize(1024);
              assertThat(a.getTextOrigin()).isEqualTo(TextOrigin.FEED_SUMMARY);
              assertThat(a.getFallbackReason()).isEqualTo("HTTP 404");
            });
  }

  /** The XXE feed's item is published with the entity left out, as FeedParserTest shows. */
  private static void assertXxeItemWithoutTheEntity() {
    assertThat(itemsOf("xxe"))
        .isNotEmpty()
        .allSatisfy(i -> assertThat(i.getTitle()).startsWith("Leak:").doesNotContain("hostile"));
  }

  private static List<FeedItem> itemsOf(String sourceId) {
    return raw(Topics.DISCOVERED.name()).stream()
        .map(v -> safeFeedItem(v))
        .filter(Objects::nonNull)
        .filter(i -> i.getSourceId().equals(sourceId))
        .toList();
  }

  private static FeedItem safeFeedItem(byte[] value) {
    try {
      return value == null
          ? null
          : BellwetherSerdes.feedItem().deserialize(Topics.DISCOVERED.name(), value);
    } catch (RuntimeException e) {
      return null; // the poison record of another schema
    }
  }

  private static void assertCounted(RoleProcess run, List<DeadLetter> letters) throws Exception {
    Map<String, Long> written = new HashMap<>();
    letters.forEach(l -> written.merge(l.getStage(), 1L, Long::sum));
    await("dead letters counted in /metrics")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              Map<String, Double> counted = dlqCounters(run.get("/metrics").body());
              assertThat(counted.getOrDefault("ingest.http", 0.0)).isGreaterThanOrEqualTo(5);
              assertThat(counted.getOrDefault("ingest.feed", 0.0)).isGreaterThanOrEqualTo(3);
              assertThat(counted.getOrDefault("processors.deserialize", 0.0))
                  .isGreaterThanOrEqualTo(3);
              assertThat(counted.getOrDefault("processors.tag-article", 0.0))
                  .isGreaterThanOrEqualTo(3);
            });
  }

  private static Map<String, Double> dlqCounters(String metrics) {
    Map<String, Double> counters = new HashMap<>();
    Matcher m = DLQ_METER.matcher(metrics);
    while (m.find()) {
      counters.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return counters;
  }

  /** After the 100 MiB body and the gzip bomb: alive, ready, no OutOfMemoryError. */
  private static void assertHealthy(RoleProcess run) throws Exception {
    assertThat(run.get("/health/ready").statusCode()).isEqualTo(200);
    assertThat(run.log()).doesNotContain("OutOfMemoryError");
    assertThat(run.isAlive()).isTrue();
  }

  private static void assertLetter(
      List<DeadLetter> letters, String sourceId, String stage, String reason) {
    assertThat(letters)
        .as("dead letters of source %s", sourceId)
        .filteredOn(l -> sourceId.equals(l.getSourceId()))
        .isNotEmpty()
        .anySatisfy(
            l -> {
              assertThat(l.getStage()).isEqualTo(stage);
              assertThat(l.getReason()).contains(reason);
            });
  }

  private static List<Alert> alerts() {
    return raw(Topics.ALERTS.name()).stream()
        .map(v -> BellwetherSerdes.alert().deserialize(Topics.ALERTS.name(), v))
        .toList();
  }

  private static List<DeadLetter> deadLetters() {
    return raw(Topics.DLQ.name()).stream()
        .map(v -> BellwetherSerdes.deadLetter().deserialize(Topics.DLQ.name(), v))
        .toList();
  }

  private static List<byte[]> raw(String topic) {
    return kafka.topics().records(topic).stream().map(ConsumerRecord::value).toList();
  }
}
