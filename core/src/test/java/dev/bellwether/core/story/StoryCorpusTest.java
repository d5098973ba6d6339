package dev.bellwether.core.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellwether.core.tagging.DetectedEvent;
import dev.bellwether.core.tagging.EventType;
import dev.bellwether.core.tagging.Tagger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds the story corpus ({@code stories.jsonl}: stories retold by several outlets, and look-alike
 * events that must stay apart) through the real tagger and the clusterer, and measures pairwise
 * clustering precision and recall against the gold story labels.
 */
class StoryCorpusTest {
  /** Per gold story, the event every one of its articles must be tagged with. */
  private static final Map<String, Intended> INTENDED =
      Map.ofEntries(
          Map.entry("openai-40b-round", new Intended(EventType.FUNDING, "OpenAI", false)),
          Map.entry("openai-10b-april", new Intended(EventType.FUNDING, "OpenAI", false)),
          Map.entry("anthropic-series-f", new Intended(EventType.FUNDING, "Anthropic", false)),
          Map.entry("google-anthropic-2b", new Intended(EventType.FUNDING, "Anthropic", false)),
          Map.entry(
              "microsoft-mistral-partnership",
              new Intended(EventType.PARTNERSHIP, "Mistral AI", false)),
          Map.entry(
              "microsoft-mistral-end", new Intended(EventType.PARTNERSHIP, "Mistral AI", true)),
          Map.entry(
              "bis-deepseek-entity-list",
              new Intended(EventType.EXPORT_CONTROL, "DeepSeek", false)),
          Map.entry("dutch-asml-controls", new Intended(EventType.EXPORT_CONTROL, "ASML", false)),
          Map.entry("nvidia-enfabrica", new Intended(EventType.ACQUISITION, "Enfabrica", false)),
          Map.entry("cerebras-ipo", new Intended(EventType.IPO, "Cerebras", false)),
          Map.entry("mistral-series-c", new Intended(EventType.FUNDING, "Mistral AI", false)));

  /** Look-alike events that must be told apart. */
  private static final List<List<String>> LOOK_ALIKES =
      List.of(
          List.of("openai-40b-round", "openai-10b-april"), // one company, a month apart
          List.of("anthropic-series-f", "google-anthropic-2b"), // one company, one week, $13B/$2B
          List.of("microsoft-mistral-partnership", "microsoft-mistral-end"), // a deal and its end
          List.of("bis-deepseek-entity-list", "dutch-asml-controls")); // two authorities, one day

  private static List<Article> corpus;
  private static Map<String, Report> reports;

  record Intended(EventType type, String company, boolean ended) {}

  record Article(
      String id,
      String source,
      String url,
      String title,
      String text,
      Instant published,
      String story) {}

  @BeforeAll
  static void tagTheCorpus() {
    corpus = read();
    Tagger tagger = Tagger.builtIn();
    reports = new HashMap<>();
    for (Article a : corpus) {
      List<DetectedEvent> events = tagger.tag(a.title() + "\n\n" + a.text()).events();
      assertThat(events).as("events of %s", a.id()).hasSize(1);
      StoryEvent e = StoryEvent.of(events.get(0));
      Intended want = INTENDED.get(a.story());
      assertThat(e.type()).as("type of %s", a.id()).isEqualTo(want.type());
      assertThat(e.companies()).as("companies of %s", a.id()).contains(want.company());
      assertThat(e.ended()).as("ended of %s", a.id()).isEqualTo(want.ended());
      reports.put(
          a.id(), Report.of(a.id(), a.source(), a.url(), a.published(), a.title(), a.text(), e));
    }
  }

  @Test
  void isLargeEnoughAndCoversEveryEventType() {
    Map<String, Long> perStory =
        corpus.stream().collect(Collectors.groupingBy(Article::story, Collectors.counting()));

    assertThat(perStory).hasSizeGreaterThanOrEqualTo(8).containsOnlyKeys(INTENDED.keySet());
    assertThat(perStory.values()).allMatch(n -> n >= 3 && n <= 6);
    assertThat(INTENDED.values().stream().map(Intended::type).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(EventType.values());
    assertThat(corpus.stream().map(Article::url).distinct()).hasSameSizeAs(corpus);
  }

  @Test
  void announcesEveryStoryExactlyOnceAndUpdatesItWithEveryOtherSource() {
    Map<String, List<AlertDecision>> byGold = new HashMap<>();
    OpenStories stories = new OpenStories(StoryClusterer.withDefaults());
    for (Article a : inPublishedOrder()) {
      AlertDecision d = stories.add(reports.get(a.id())).decision();
      byGold.computeIfAbsent(a.story(), k -> new ArrayList<>()).add(d);
      System.out.printf(Locale.ROOT, "%s %-30s %-7s %s%n", a.id(), a.story(), d.kind(), d.reason());
    }

    byGold.forEach(
        (story, decisions) -> {
          assertThat(decisions)
              .as(story)
              .first()
              .extracting(AlertDecision::kind)
              .isEqualTo(AlertKind.NEW);
          assertThat(decisions.subList(1, decisions.size()))
              .as(story)
              .extracting(AlertDecision::kind)
              .containsOnly(AlertKind.UPDATE);
        });
    assertThat(stories.stories()).hasSize(INTENDED.size());
  }

  @Test
  void saysNothingWhenTheCorpusIsReadAgain() {
    OpenStories stories = new OpenStories(StoryClusterer.withDefaults());
    inPublishedOrder().forEach(a -> stories.add(reports.get(a.id())));

    assertThat(inPublishedOrder())
        .allSatisfy(
            a ->
                assertThat(stories.add(reports.get(a.id())).decision().kind())
                    .isEqualTo(AlertKind.NOTHING));
  }

  @Test
  void clustersWithPairwisePrecisionAndRecallOfAtLeast95Percent() {
    Map<String, String> predicted = cluster(inPublishedOrder());
    long truePairs = 0;
    long predictedPairs = 0;
    long goldPairs = 0;
    for (int i = 0; i < corpus.size(); i++) {
      for (int j = i + 1; j < corpus.size(); j++) {
        Article a = corpus.get(i);
        Article b = corpus.get(j);
        boolean same = predicted.get(a.id()).equals(predicted.get(b.id()));
        boolean gold = a.story().equals(b.story());
        truePairs += same && gold ? 1 : 0;
        predictedPairs += same ? 1 : 0;
        goldPairs += gold ? 1 : 0;
      }
    }
    double precision = truePairs / (double) predictedPairs;
    double recall = truePairs / (double) goldPairs;
    System.out.printf(
        Locale.ROOT,
        "story clustering on %d articles, %d stories: pairwise precision %.3f (%d/%d), recall %.3f"
            + " (%d/%d)%n",
        corpus.size(),
        INTENDED.size(),
        precision,
        truePairs,
        predictedPairs,
        recall,
        truePairs,
        goldPairs);

    assertThat(precision).as("pairwise precision").isGreaterThanOrEqualTo(0.95);
    assertThat(recall).as("pairwise recall").isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void keepsLookAlikeEventsApart() {
    Map<String, String> predicted = cluster(inPublishedOrder());
    Map<String, Set<String>> storiesOfGold = new HashMap<>();
    corpus.forEach(
        a ->
            storiesOfGold
                .computeIfAbsent(a.story(), k -> new HashSet<>())
                .add(predicted.get(a.id())));

    for (List<String> pair : LOOK_ALIKES) {
      assertThat(storiesOfGold.get(pair.get(0)))
          .as("%s vs %s", pair.get(0), pair.get(1))
          .doesNotContainAnyElementsOf(storiesOfGold.get(pair.get(1)));
    }
  }

  @Test
  void reconcilesTheFactsOfAStory() {
    OpenStories stories = new OpenStories(StoryClusterer.withDefaults());
    inPublishedOrder().forEach(a -> stories.add(reports.get(a.id())));
    Story anthropic =
        stories.stories().stream()
            .filter(s -> s.lead().orElse("").equals("Anthropic") && s.sources().size() == 5)
            .findFirst()
            .orElseThrow();

    assertThat(anthropic.facts())
        .containsEntry("amount_usd", "13000000000")
        .containsEntry("round", "Series F")
        .containsEntry("valuation_usd", "183000000000");
    assertThat(anthropic.confirmations("amount_usd")).isEqualTo(4);
    assertThat(anthropic.conflicts()).containsEntry("amount_usd", Map.of("12500000000", 1L));
    assertThat(anthropic.status()).isEqualTo(dev.bellwether.core.tagging.EventStatus.ANNOUNCED);
  }

  /** Within each story's window the arrival order of articles must not change the grouping. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
  void groupsTheSameWhateverTheArrivalOrder(long seed) {
    List<Article> shuffled = new ArrayList<>(corpus);
    Collections.shuffle(shuffled, new Random(seed));

    assertThat(partition(cluster(shuffled))).isEqualTo(partition(cluster(inPublishedOrder())));
  }

  @Test
  void groupsTheSameWhenClosedStoriesAreDropped() {
    OpenStories stories = new OpenStories(StoryClusterer.withDefaults());
    Map<String, String> predicted = new HashMap<>();
    for (Article a : inPublishedOrder()) {
      stories.closeBefore(a.published());
      predicted.put(a.id(), stories.add(reports.get(a.id())).after().id());
    }

    assertThat(partition(predicted)).isEqualTo(partition(cluster(inPublishedOrder())));
    assertThat(stories.stories()).hasSizeLessThan(INTENDED.size());
  }

  private static Map<String, String> cluster(List<Article> articles) {
    OpenStories stories = new OpenStories(StoryClusterer.withDefaults());
    Map<String, String> storyOf = new HashMap<>();
    articles.forEach(a -> storyOf.put(a.id(), stories.add(reports.get(a.id())).after().id()));
    // a story id is fixed when the story starts, so an article's story is the one it joined
    return storyOf;
  }

  /** The grouping as sets of article ids, whatever the story ids. */
  private static Set<Set<String>> partition(Map<String, String> storyOf) {
    return storyOf.entrySet().stream()
        .collect(
            Collectors.groupingBy(
                Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toSet())))
        .values()
        .stream()
        .collect(Collectors.toSet());
  }

  private static List<Article> inPublishedOrder() {
    return corpus.stream()
        .sorted(Comparator.comparing(Article::published).thenComparing(Article::id))
        .toList();
  }

  private static List<Article> read() {
    ObjectMapper json = new ObjectMapper();
    List<Article> articles = new ArrayList<>();
    try (InputStream in = StoryCorpusTest.class.getResourceAsStream("stories.jsonl");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          JsonNode n = json.readTree(line);
          articles.add(
              new Article(
                  n.get("id").asText(),
                  n.get("source").asText(),
                  n.get("url").asText(),
                  n.get("title").asText(),
                  n.get("text").asText(),
                  Instant.parse(n.get("published").asText()),
                  n.get("story").asText()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return articles;
  }
}
