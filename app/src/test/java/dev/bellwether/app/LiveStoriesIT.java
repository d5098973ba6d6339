package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bellwether.processors.replay.TopologyReplay;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertKind;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.serde.AvroSerde;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stories live: {@code bellwether run --sources} (its own JVM, embedded broker) polling a news web
 * on loopback made of a story corpus ({@link StoryNewsWeb}: a feed per outlet, a page per article),
 * with a watchlist that alerts on every story. The articles arrive in whatever order the pollers
 * and fetchers give; the stories the alerts leave must be those the test driver gives for the same
 * articles (read back from the articles topic), no story may alert NEW twice, and the grouping is
 * measured against the corpus's stories.
 *
 * <p>The corpus is the test split of {@code data/stories/stories.jsonl} unless the system
 * properties {@code bellwether.stories} (a file in that format) and {@code
 * bellwether.stories.split} (a split, or {@code all}) say otherwise.
 */
class LiveStoriesIT {
  private static final Duration WAIT = Duration.ofMinutes(4);
  private static final Duration EXIT_GUARD = ShutdownSignals.BOUND.plusSeconds(15);

  @TempDir Path dir;

  @Test
  void groupsTheStoriesOfALiveNewsWebAsTheReplayDoes() throws Exception {
    Path file = Path.of(System.getProperty("bellwether.stories", "../data/stories/stories.jsonl"));
    String split = System.getProperty("bellwether.stories.split", "test");
    Assumptions.assumeTrue(Files.exists(file), file + " is not here");
    List<StoryCorpusReplayTest.Line> lines =
        StoryCorpusReplayTest.read(file).stream()
            .filter(l -> split.equals("all") || l.split().equals(split))
            .toList();

    try (StoryNewsWeb web =
        StoryNewsWeb.serve(lines.stream().map(StoryCorpusReplayTest.Line::article).toList())) {
      Path sources = Files.writeString(dir.resolve("sources.yaml"), web.sourcesYaml());
      Path watchlist =
          Files.writeString(dir.resolve("watchlist.yaml"), StoryCorpusReplayTest.EVERYTHING_YAML);
      int kafkaPort = RoleProcess.freePort();
      try (RoleProcess run =
          RoleProcess.start(
              dir,
              "run",
              "--sources",
              sources.toString(),
              "--watchlist",
              watchlist.toString(),
              "--data-dir",
              dir.resolve("data").toString(),
              "--kafka-port",
              String.valueOf(kafkaPort),
              "--http-port",
              "0")) {
        TopicContents topics = new TopicContents("127.0.0.1:" + kafkaPort);
        AvroSerde<Article> articleSerde = BellwetherSerdes.article();
        AvroSerde<Alert> alertSerde = BellwetherSerdes.alert();
        List<Article> arrived = new ArrayList<>();
        await("every page fetched into " + Topics.ARTICLES.name())
            .atMost(WAIT)
            .pollInterval(Duration.ofSeconds(2))
            .until(
                () -> {
                  if (!run.isAlive()) {
                    throw new AssertionError("bellwether run exited:\n" + run.log());
                  }
                  arrived.clear();
                  topics
                      .records(Topics.ARTICLES.name())
                      .forEach(r -> arrived.add(articleSerde.deserialize(r.topic(), r.value())));
                  return arrived.size() >= lines.size();
                });

        // what the test driver makes of the same articles, and what the live run has alerted
        List<Article> sorted =
            arrived.stream()
                .sorted(
                    java.util.Comparator.comparing(Article::getPublished)
                        .thenComparing(Article::getUrl))
                .toList();
        StoryCorpusReplayTest.Outcome replayed =
            StoryCorpusReplayTest.outcome(
                TopologyReplay.alertsAsArriving(StoryCorpusReplayTest.settings(), sorted), sorted);
        AtomicReference<List<Alert>> alerts = new AtomicReference<>(List.of());
        await("the live stories to settle as the replay's")
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofSeconds(2))
            .ignoreExceptions()
            .untilAsserted(
                () -> {
                  List<Alert> live = new ArrayList<>();
                  topics
                      .records(Topics.ALERTS.name())
                      .forEach(r -> live.add(alertSerde.deserialize(r.topic(), r.value())));
                  alerts.set(live);
                  assertThat(StoryCorpusReplayTest.outcome(live, arrived).stories())
                      .isEqualTo(replayed.stories());
                });
        assertThat(run.terminate(EXIT_GUARD)).as(run.log()).isZero();

        StoryCorpusReplayTest.Outcome live = StoryCorpusReplayTest.outcome(alerts.get(), arrived);
        assertThat(live.news().values()).as("NEW alerts per story").allMatch(n -> n == 1);
        Map<String, Integer> newsPerStory = new HashMap<>();
        alerts.get().stream()
            .filter(a -> a.getKind() == AlertKind.NEW)
            .forEach(a -> newsPerStory.merge(a.getStoryId(), 1, Integer::sum));
        assertThat(newsPerStory.values()).as("NEW alerts per story id").allMatch(n -> n == 1);

        // the measures, with the corpus's stories on the articles as they arrived
        Map<String, StoryCorpusReplayTest.Line> byPage = new HashMap<>();
        lines.forEach(l -> byPage.put(web.pageOf(l.article().getId()), l));
        List<StoryCorpusReplayTest.Line> asArrived = new ArrayList<>();
        for (Article a : arrived) {
          StoryCorpusReplayTest.Line gold = byPage.get(a.getUrl());
          assertThat(gold).as("the corpus article of %s", a.getUrl()).isNotNull();
          asArrived.add(
              new StoryCorpusReplayTest.Line(a, gold.story(), gold.split(), gold.event()));
        }
        StoryCorpusReplayTest.report("live, " + file.getFileName() + " " + split, asArrived, live);
        Set<Set<String>> stories = live.stories();
        assertThat(stories).isNotEmpty();
      }
    }
  }
}
