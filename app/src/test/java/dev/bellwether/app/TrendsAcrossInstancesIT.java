package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellwether.processors.BellwetherTopology;
import dev.bellwether.processors.ProcessorsRunner;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.TaggedArticle;
import dev.bellwether.schemas.avro.TaggedEvent;
import dev.bellwether.schemas.avro.TextOrigin;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code bellwether process} JVMs of one application on a real broker, the partitions split
 * between them: {@code GET /api/trends} gives the same, correct counts on either instance (each
 * answers for every key, asking the other for the keys it owns, while each holds only its own);
 * after one stops cleanly while articles flow, the other takes its partitions and the counts stay
 * correct. On {@code bellwether.alerts} no alert id appears twice, and the ids are those of a
 * single instance run over the same articles under another application id.
 */
class TrendsAcrossInstancesIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration EXIT_GUARD = ShutdownSignals.BOUND.plusSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Midnight two days ago: the articles straddle the next midnight, so two day windows. */
  private static final Instant DAY =
      Instant.now().truncatedTo(ChronoUnit.DAYS).minus(2, ChronoUnit.DAYS);

  private static final String[] STORIES = {
    "OpenAI raised $6.6 billion in a new funding round led by Thrive Capital.",
    "Anthropic raises $13 billion in a Series F round led by ICONIQ.",
    "Nvidia is barred from exporting H20 chips to China under new Commerce Department export"
        + " controls.",
    "Microsoft and OpenAI announce a new partnership to build data centers.",
    "Mistral raised €1.7 billion in a Series C round led by ASML.",
    "Google agrees to acquire Wiz for $32 billion in cash.",
  };

  @RegisterExtension static final SharedBroker kafka = new SharedBroker(4);

  @TempDir Path dir;

  @Test
  void eitherInstanceAnswersForEveryKeyAndStoppingOneLosesAndRepeatsNothing() throws Exception {
    List<Article> first = articles("first", 12, DAY.plus(Duration.ofHours(21)));
    List<Article> second = articles("second", 12, DAY.plus(Duration.ofHours(25)));
    List<Article> all = new ArrayList<>(first);
    all.addAll(second);

    try (RoleProcess a = startInstance("a");
        RoleProcess b = startInstance("b")) {
      a.awaitReady(WAIT);
      b.awaitReady(WAIT);
      awaitPartitionsSplitBetween(2);

      publish(first);
      awaitTagged(first.size());
      Map<String, Map<Instant, Long>> expectedDays = expectedCounts(Duration.ofDays(1));
      Map<String, Map<Instant, Long>> expectedHours = expectedCounts(Duration.ofHours(1));
      assertThat(expectedDays.keySet())
          .as("the tagger found several companies and types")
          .contains("OpenAI|FUNDING", "Anthropic|FUNDING")
          .hasSizeGreaterThanOrEqualTo(4);
      assertThat(expectedDays.values().stream().mapToInt(Map::size).max().orElse(0))
          .as("articles on both days")
          .isEqualTo(2);

      for (RoleProcess instance : List.of(a, b)) {
        awaitTrends(instance, "day", expectedDays);
        awaitTrends(instance, "hour", expectedHours);
      }
      assertThat(trendsBody(a, "day", "")).isEqualTo(trendsBody(b, "day", ""));
      Map<String, Map<Instant, Long>> onA = countsIn(trendsBody(a, "day", "&local=true"));
      Map<String, Map<Instant, Long>> onB = countsIn(trendsBody(b, "day", "&local=true"));
      assertThat(onA).as("keys held by a").isNotEmpty().doesNotContainKeys(keys(onB));
      assertThat(onB).as("keys held by b").isNotEmpty();
      Map<String, Map<Instant, Long>> union = new TreeMap<>(onA);
      union.putAll(onB);
      assertThat(union).as("each key held by one instance").isEqualTo(expectedDays);
      assertThat(countsIn(trendsBody(b, "day", "&company=OpenAI&type=FUNDING")))
          .isEqualTo(Map.of("OpenAI|FUNDING", expectedDays.get("OpenAI|FUNDING")));
      assertThat(countsIn(trendsBody(a, "day", "&company=Anthropic&type=FUNDING")))
          .isEqualTo(Map.of("Anthropic|FUNDING", expectedDays.get("Anthropic|FUNDING")));

      publish(second.subList(0, 6));
      assertThat(b.terminate(EXIT_GUARD)).as(b.log()).isZero();
      assertThat(b.log()).contains("Processors closed; offsets committed");
      publish(second.subList(6, second.size()));

      awaitTagged(all.size());
      a.awaitReady(WAIT);
      awaitTrends(a, "day", expectedCounts(Duration.ofDays(1)));
      awaitTrends(a, "hour", expectedCounts(Duration.ofHours(1)));
      assertThat(a.terminate(EXIT_GUARD)).as(a.log()).isZero();
    }

    assertThat(taggedIds())
        .as("each article tagged once")
        .containsExactlyInAnyOrderElementsOf(ids(all));
    List<ConsumerRecord<String, byte[]>> twoInstanceAlerts =
        kafka.topics().records(Topics.ALERTS.name());
    List<String> alertIds = alertIds(twoInstanceAlerts);
    assertThat(alertIds).as("alerts of the two instances").isNotEmpty().doesNotHaveDuplicates();

    Map<Integer, Long> before = nextOffsets(twoInstanceAlerts);
    List<Alert> referenceAlerts = new ArrayList<>();
    try (ProcessorsRunner reference = singleInstance("bellwether-reference")) {
      reference.start();
      await("the single instance has given as many alerts")
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                referenceAlerts.clear();
                kafka.topics().records(Topics.ALERTS.name()).stream()
                    .filter(r -> r.offset() >= before.getOrDefault(r.partition(), 0L))
                    .map(r -> BellwetherSerdes.alert().deserialize(Topics.ALERTS.name(), r.value()))
                    .forEach(referenceAlerts::add);
                return referenceAlerts.size() >= alertIds.size();
              });
    }
    assertThat(referenceAlerts).extracting(Alert::getId).doesNotHaveDuplicates();
    // a story's id comes from whichever of its articles the processors took first, which may
    // differ between the runs; what must not differ is which stories there are and what each says
    assertThat(storyOutcomes(alerts(twoInstanceAlerts)))
        .as("stories and their alerts, two instances with one stopped vs one instance")
        .isEqualTo(storyOutcomes(referenceAlerts))
        .allMatch(o -> o.contains(" NEW×1 "), "one NEW per story");
  }

  /**
   * Per story, as a comparable line: the URLs of its sources in its last alert, and how many NEW
   * and UPDATE alerts it gave.
   */
  private static Set<String> storyOutcomes(List<Alert> alerts) {
    Map<String, List<Alert>> byStory = new TreeMap<>();
    alerts.forEach(a -> byStory.computeIfAbsent(a.getStoryId(), k -> new ArrayList<>()).add(a));
    Set<String> outcomes = new HashSet<>();
    byStory.forEach(
        (story, list) -> {
          Alert last =
              list.stream()
                  .max(java.util.Comparator.comparingInt(a -> a.getSources().size()))
                  .orElseThrow();
          long news = list.stream().filter(a -> a.getKind().name().equals("NEW")).count();
          outcomes.add(
              new java.util.TreeSet<>(last.getSources().stream().map(src -> src.getUrl()).toList())
                  + " NEW×"
                  + news
                  + " UPDATE×"
                  + (list.size() - news));
        });
    return outcomes;
  }

  private static List<Alert> alerts(List<ConsumerRecord<String, byte[]>> records) {
    return records.stream()
        .map(r -> BellwetherSerdes.alert().deserialize(Topics.ALERTS.name(), r.value()))
        .toList();
  }

  private RoleProcess startInstance(String name) throws Exception {
    return RoleProcess.start(
        dir,
        "process",
        "--bootstrap-servers",
        kafka.bootstrapServers(),
        "--state-dir",
        dir.resolve("streams-" + name).toString(),
        "--http-port",
        "0");
  }

  private ProcessorsRunner singleInstance(String applicationId) {
    Knowledge knowledge = Knowledge.load(null, null, null);
    var settings =
        BellwetherTopology.Settings.builder(knowledge.tagger(), knowledge.watchlist())
            .articlesFromFeedSummaries(false)
            .build();
    return new ProcessorsRunner(
        kafka.connection(),
        dir.resolve("streams-reference"),
        settings,
        new ProcessorsRunner.Instance(applicationId, null));
  }

  /** Both instances are members of the group and each has partitions of its own. */
  private static void awaitPartitionsSplitBetween(int instances) {
    await("the partitions split between " + instances + " instances")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              try (Admin admin =
                  Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                ConsumerGroupDescription group =
                    admin
                        .describeConsumerGroups(List.of(ProcessorsRunner.APPLICATION_ID))
                        .all()
                        .get()
                        .get(ProcessorsRunner.APPLICATION_ID);
                return group.members().size() == instances
                    && group.members().stream()
                        .map(MemberDescription::assignment)
                        .allMatch(assignment -> !assignment.topicPartitions().isEmpty());
              }
            });
  }

  private static void awaitTagged(int count) {
    await(count + " articles tagged")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> kafka.topics().records(Topics.TAGGED.name()).size() >= count);
  }

  private static void awaitTrends(
      RoleProcess instance, String window, Map<String, Map<Instant, Long>> expected) {
    await("the " + window + " trends of " + instance.url())
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .untilAsserted(
            () -> assertThat(countsIn(trendsBody(instance, window, ""))).isEqualTo(expected));
  }

  private static String trendsBody(RoleProcess instance, String window, String more)
      throws Exception {
    String path =
        "/api/trends?window="
            + window
            + "&from="
            + enc(DAY.toString())
            + "&to="
            + enc(DAY.plus(Duration.ofDays(3)).toString())
            + more;
    HttpResponse<String> response = instance.get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static Map<String, Map<Instant, Long>> countsIn(String body) throws Exception {
    Map<String, Map<Instant, Long>> counts = new TreeMap<>();
    for (JsonNode s : JSON.readTree(body).path("series")) {
      Map<Instant, Long> points = new TreeMap<>();
      for (JsonNode p : s.path("points")) {
        points.put(Instant.parse(p.path("start").asText()), p.path("count").asLong());
      }
      counts.put(s.path("company").asText() + "|" + s.path("type").asText(), points);
    }
    return counts;
  }

  /**
   * What the counts must be, from what the tagger wrote: per article, each distinct (company, type)
   * of its events once, in the window of its published time.
   */
  private static Map<String, Map<Instant, Long>> expectedCounts(Duration window) {
    Map<String, Map<Instant, Long>> counts = new TreeMap<>();
    for (ConsumerRecord<String, byte[]> r : kafka.topics().records(Topics.TAGGED.name())) {
      TaggedArticle tagged =
          BellwetherSerdes.taggedArticle().deserialize(Topics.TAGGED.name(), r.value());
      long published = tagged.getArticle().getPublished().toEpochMilli();
      Instant start = Instant.ofEpochMilli(published - published % window.toMillis());
      Set<String> keys = new HashSet<>();
      for (TaggedEvent event : tagged.getEvents()) {
        event.getCompanies().forEach(c -> keys.add(c + "|" + event.getType()));
      }
      keys.forEach(
          k -> counts.computeIfAbsent(k, x -> new TreeMap<>()).merge(start, 1L, Long::sum));
    }
    return counts;
  }

  private static String[] keys(Map<String, ?> map) {
    return map.keySet().toArray(String[]::new);
  }

  private static List<String> taggedIds() {
    return kafka.topics().records(Topics.TAGGED.name()).stream().map(ConsumerRecord::key).toList();
  }

  private static List<String> alertIds(List<ConsumerRecord<String, byte[]>> records) {
    return records.stream()
        .map(r -> BellwetherSerdes.alert().deserialize(Topics.ALERTS.name(), r.value()))
        .map(Alert::getId)
        .toList();
  }

  private static Map<Integer, Long> nextOffsets(List<ConsumerRecord<String, byte[]>> records) {
    Map<Integer, Long> next = new HashMap<>();
    records.forEach(r -> next.merge(r.partition(), r.offset() + 1, Math::max));
    return next;
  }

  private static List<String> ids(List<Article> articles) {
    return articles.stream().map(Article::getId).toList();
  }

  /** {@code count} articles 20 minutes apart from {@code start}, cycling through the stories. */
  private static List<Article> articles(String batch, int count, Instant start) {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = batch + "-" + i;
      String text = STORIES[i % STORIES.length];
      Instant published = start.plus(Duration.ofMinutes(20L * i));
      articles.add(
          Article.newBuilder()
              .setId(id)
              .setSourceId("outlet-" + (i % 3))
              .setOutlet("Outlet " + (i % 3))
              .setUrl("https://outlet" + (i % 3) + ".example/" + id)
              .setTitle(text)
              .setText(text + " The company confirmed the news on " + published + ".")
              .setPublished(published)
              .setDiscovered(published.plusSeconds(60))
              .setTextOrigin(TextOrigin.PAGE)
              .build());
    }
    return articles;
  }

  private static void publish(List<Article> articles) {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (Article article : articles) {
        producer.send(
            new ProducerRecord<>(
                Topics.ARTICLES.name(),
                article.getId(),
                BellwetherSerdes.article().serialize(Topics.ARTICLES.name(), article)));
      }
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
