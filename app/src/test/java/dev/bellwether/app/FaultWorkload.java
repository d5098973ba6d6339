package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.ingest.feed.FeedItemMapper;
import dev.bellwether.ingest.feed.FeedParser;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.ingest.source.SourcesFile;
import dev.bellwether.processors.BellwetherTopology;
import dev.bellwether.processors.article.FeedSummaryArticles;
import dev.bellwether.processors.replay.TopologyReplay;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertKind;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockWebServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The fault tests' workload: the demo's five feeds told again in rounds. Round {@code r} is the
 * demo with every link and id made unique by {@code r} and its dates moved so that rounds follow
 * each other 7 days apart, the last one ({@link #MAX_ROUNDS} - 1) on the demo's own dates: rounds
 * never join each other's stories (a demo story spans under 3 days, and two reports more than 72 h
 * apart are never linked) and each round gives the demo's stories. Rounds are published in order
 * and each is left to finish before the next. What should come out is the demo's alerts once per
 * round; {@link #tally} says what was lost and what was duplicated, by alert id and by story.
 */
final class FaultWorkload {
  static final List<String> FEEDS =
      List.of("techwire", "ledger", "policy-desk", "chip-report", "asia-ai-daily");

  private static final Map<String, String> NAMES =
      Map.of(
          "techwire", "TechWire",
          "ledger", "The Ledger",
          "policy-desk", "Policy Desk",
          "chip-report", "Chip Report",
          "asia-ai-daily", "Asia AI Daily");
  private static final Pattern HOST_URL = Pattern.compile("https://([a-z0-9.-]+\\.example)/");
  private static final Pattern ROUND_IN_URL = Pattern.compile("/r\\d+/");
  private static final Pattern RSS_DATE = Pattern.compile("<pubDate>([^<]+)</pubDate>");
  private static final Pattern ATOM_DATE =
      Pattern.compile("<(published|updated)>([^<]+)</(published|updated)>");

  /** Days between rounds: more than a demo story's span plus the 72 h link window. */
  static final long ROUND_DAYS = 7;

  /** Rounds go up to this (exclusive); the last is on the demo's dates. */
  static final int MAX_ROUNDS = 20;

  private FaultWorkload() {}

  /** A demo feed as told in {@code round}, rounds 7 days apart. */
  static String feedXml(String feed, int round) {
    return feedXml(feed, round, true);
  }

  /**
   * A demo feed as told in {@code round}; with {@code apart} false every round keeps the demo's
   * dates, so the same news is told again by the same outlets under new links: each round's
   * articles join the first round's stories as further sources (what syndication looks like), in
   * whatever order they arrive.
   */
  static String feedXml(String feed, int round, boolean apart) {
    String xml = demoFeed(feed);
    xml = HOST_URL.matcher(xml).replaceAll("https://$1/r" + round + "/");
    xml =
        xml.replaceAll("(<guid[^>]*>)", "$1r" + round + "-").replace("tag:", "tag:r" + round + "-");
    if (round < 0 || round >= MAX_ROUNDS) {
      throw new IllegalArgumentException("round " + round + " not in 0.." + (MAX_ROUNDS - 1));
    }
    Duration back = apart ? Duration.ofDays(ROUND_DAYS * (MAX_ROUNDS - 1 - round)) : Duration.ZERO;
    xml =
        replace(
            RSS_DATE,
            xml,
            m -> {
              ZonedDateTime t =
                  ZonedDateTime.parse(m.group(1).trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
              return "<pubDate>"
                  + DateTimeFormatter.RFC_1123_DATE_TIME.format(t.minus(back))
                  + "</pubDate>";
            });
    return replace(
        ATOM_DATE,
        xml,
        m ->
            "<"
                + m.group(1)
                + ">"
                + Instant.parse(m.group(2).trim()).minus(back)
                + "</"
                + m.group(3)
                + ">");
  }

  /**
   * The sources file for {@code rounds} rounds served at {@code base}: one source per feed per
   * round.
   */
  static String sourcesYaml(URI base, int rounds) {
    StringBuilder yaml = new StringBuilder("sources:\n");
    for (int r = 0; r < rounds; r++) {
      for (String feed : FEEDS) {
        yaml.append("  - id: ")
            .append(feed)
            .append("-r")
            .append(r)
            .append("\n    type: rss\n    name: ")
            .append(NAMES.get(feed))
            .append("\n    url: ")
            .append(base)
            .append("/r")
            .append(r)
            .append('/')
            .append(feed)
            .append(".xml\n    interval: 1m\n");
      }
    }
    return yaml.append("network:\n  allow-private: true\n").toString();
  }

  /** The articles of {@code rounds} rounds, as the processors make them from feed summaries. */
  static List<Article> articles(int fromRound, int toRound) {
    return articles(fromRound, toRound, true);
  }

  static List<Article> articles(int fromRound, int toRound, boolean apart) {
    SourcesFile sources =
        SourcesFile.parse(
            sourcesYaml(URI.create("http://127.0.0.1:9"), toRound), "faults", Map.of());
    Map<String, SourceDefinition> byId = new HashMap<>();
    sources.sources().forEach(s -> byId.put(s.id(), s));
    List<Article> articles = new ArrayList<>();
    Instant now = Instant.now();
    for (int r = fromRound; r < toRound; r++) {
      for (String feed : FEEDS) {
        SourceDefinition source = byId.get(feed + "-r" + r);
        byte[] xml = feedXml(feed, r, apart).getBytes(StandardCharsets.UTF_8);
        new FeedParser()
            .parse(xml, source.url())
            .forEach(
                e ->
                    articles.add(
                        FeedSummaryArticles.fromFeedItem(FeedItemMapper.toAvro(e, source, now))));
      }
    }
    return articles;
  }

  /** The story outcomes one round should give: the replay of round 0 through the same topology. */
  static Map<String, Integer> expectedOutcomes(int rounds) {
    Knowledge knowledge = Knowledge.load(null, null, null);
    var settings =
        BellwetherTopology.Settings.builder(knowledge.tagger(), knowledge.watchlist()).build();
    List<Alert> oneRound = TopologyReplay.alerts(settings, articles(0, 1));
    Map<String, Integer> expected = new TreeMap<>();
    outcomes(oneRound).forEach((outcome, n) -> expected.put(outcome, n * rounds));
    return expected;
  }

  /** The story outcomes of {@code rounds} rounds on the demo's dates: the replay of them all. */
  static Map<String, Integer> expectedOutcomesTogether(int rounds) {
    Knowledge knowledge = Knowledge.load(null, null, null);
    var settings =
        BellwetherTopology.Settings.builder(knowledge.tagger(), knowledge.watchlist()).build();
    return outcomes(TopologyReplay.alerts(settings, articles(0, rounds, false)));
  }

  /** How many alerts the outcomes hold in all. */
  static int alertsIn(Map<String, Integer> outcomes) {
    return expectedAlerts(outcomes, 1);
  }

  /** How many alerts one round should give (from the replay). */
  static int expectedAlerts(Map<String, Integer> expectedOutcomes, int rounds) {
    int perRound = 0;
    for (Map.Entry<String, Integer> e : expectedOutcomes.entrySet()) {
      Matcher m = Pattern.compile("NEW×(\\d+) UPDATE×(\\d+)").matcher(e.getKey());
      if (m.find()) {
        perRound +=
            (Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2))) * e.getValue() / rounds;
      }
    }
    return perRound * rounds;
  }

  /**
   * Per story, a comparable line without the round: the URLs of its sources in its fullest alert
   * and how many NEW and UPDATE alerts it gave; with how many stories gave that line.
   */
  static Map<String, Integer> outcomes(List<Alert> alerts) {
    Map<String, List<Alert>> byStory = new TreeMap<>();
    alerts.forEach(a -> byStory.computeIfAbsent(a.getStoryId(), k -> new ArrayList<>()).add(a));
    Map<String, Integer> outcomes = new TreeMap<>();
    byStory.forEach(
        (story, list) -> {
          Alert fullest =
              list.stream()
                  .max(java.util.Comparator.comparingInt(a -> a.getSources().size()))
                  .orElseThrow();
          long news = list.stream().filter(a -> a.getKind() == AlertKind.NEW).count();
          Set<String> urls = new TreeSet<>();
          fullest
              .getSources()
              .forEach(s -> urls.add(ROUND_IN_URL.matcher(s.getUrl()).replaceFirst("/")));
          outcomes.merge(
              urls + " NEW×" + news + " UPDATE×" + (list.size() - news), 1, Integer::sum);
        });
    return outcomes;
  }

  /** What came out against what should have. */
  record Tally(int expected, int delivered, int distinct, int duplicated, int lost) {
    @Override
    public String toString() {
      return "expected "
          + expected
          + " alerts, delivered "
          + delivered
          + " ("
          + distinct
          + " distinct ids): lost "
          + lost
          + ", duplicated "
          + duplicated;
    }
  }

  /**
   * Compares the alerts delivered (committed records of {@code bellwether.alerts}) with the
   * expected story outcomes; fails the test with the differences unless nothing was lost or
   * duplicated.
   */
  static Tally tally(
      List<ConsumerRecord<String, byte[]>> records, Map<String, Integer> expected, int rounds) {
    List<Alert> alerts = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      alerts.add(BellwetherSerdes.alert().deserialize(Topics.ALERTS.name(), r.value()));
    }
    Set<String> ids = new HashSet<>();
    alerts.forEach(a -> ids.add(a.getId()));
    int expectedAlerts = expectedAlerts(expected, rounds);
    Tally tally =
        new Tally(
            expectedAlerts,
            alerts.size(),
            ids.size(),
            alerts.size() - ids.size(),
            Math.max(0, expectedAlerts - ids.size()));
    System.out.println("FaultWorkload: " + tally);
    assertThat(tally.duplicated()).as("duplicated alerts: " + tally).isZero();
    assertThat(outcomes(alerts)).as("stories and their alerts: " + tally).isEqualTo(expected);
    assertThat(tally.lost()).as("lost alerts: " + tally).isZero();
    return tally;
  }

  /**
   * Publishes articles to {@code bellwether.articles} (what the page fetchers write), keyed by id.
   */
  static void publish(String bootstrap, List<Article> articles) {
    try (KafkaProducer<String, Article> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                120_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000),
            new StringSerializer(),
            BellwetherSerdes.article().serializer())) {
      for (Article a : articles) {
        producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), a.getId(), a));
      }
      producer.flush();
    }
  }

  /** Serves every round of every feed at {@code /r<round>/<feed>.xml} on a loopback port. */
  static MockWebServer feedServer(int rounds, boolean apart) {
    Pattern path = Pattern.compile("/r(\\d+)/([a-z-]+)\\.xml");
    return CannedWeb.serve(
        request -> {
          Matcher m = path.matcher(CannedWeb.path(request));
          if (m.matches() && Integer.parseInt(m.group(1)) < rounds && FEEDS.contains(m.group(2))) {
            String xml = feedXml(m.group(2), Integer.parseInt(m.group(1)), apart);
            return CannedWeb.answer(
                200, "application/xml; charset=utf-8", xml.getBytes(StandardCharsets.UTF_8));
          }
          return CannedWeb.status(404);
        });
  }

  static URI base(MockWebServer server) {
    return CannedWeb.base(server);
  }

  private static String demoFeed(String feed) {
    try (InputStream in = FaultWorkload.class.getResourceAsStream("/demo/" + feed + ".xml")) {
      if (in == null) {
        throw new IllegalStateException("no demo feed " + feed);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String replace(
      Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
