package dev.bellwether.core.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import dev.bellwether.core.tagging.Tagger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds the story corpora through the real tagger (rules only: the learned model runs in the
 * processors) and a {@link StoryBook}, and measures the grouping against the gold story labels:
 *
 * <ul>
 *   <li>{@code stories.jsonl} (42 articles, 11 stories, written for the first story stage): every
 *       article tagged as intended, grouped perfectly and announced once in every order;
 *   <li>{@code data/stories/stories.jsonl} (123 articles, 35 stories and 12 non-events, written
 *       from real multi-outlet coverage): its {@code dev} split was read while choosing the
 *       evidence weights, its {@code test} split only measured. The same grouping in every order.
 * </ul>
 */
class StoryCorpusTest {
  /**
   * Per gold story of the first corpus, the event every one of its articles must be tagged with.
   */
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

  private static final Path WRITTEN = Path.of("../data/stories/stories.jsonl");

  /** Orders long enough apart for any arrival order (the corpus spans two years). */
  private static final Duration ANY_ORDER = Duration.ofDays(3650);

  private static StoryCorpus first;

  record Intended(EventType type, String company, boolean ended) {}

  @BeforeAll
  static void tagTheFirstCorpus() throws IOException {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                StoryCorpusTest.class.getResourceAsStream("stories.jsonl"),
                StandardCharsets.UTF_8))) {
      first = StoryCorpus.read(in, Tagger.builtIn());
    }
  }

  private static StoryBook book() {
    return new StoryBook(StoryClusterer.withDefaults(), StoryCorpus.EVERYTHING, ANY_ORDER);
  }

  @Test
  void tagsEveryArticleOfTheFirstCorpusAsIntended() {
    assertThat(first.articles).hasSize(42);
    for (StoryCorpus.Article a : first.articles) {
      List<Report> reports = StoryBook.onePerEvent(first.reports.get(a.id()));
      assertThat(reports).as("events of %s", a.id()).hasSize(1);
      StoryEvent e = reports.get(0).event();
      Intended want = INTENDED.get(a.story());
      assertThat(e.type()).as("type of %s", a.id()).isEqualTo(want.type());
      assertThat(e.companies()).as("companies of %s", a.id()).contains(want.company());
      assertThat(e.ended()).as("ended of %s", a.id()).isEqualTo(want.ended());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 2, 3, 5, 8, 13, 21, 34})
  void groupsTheFirstCorpusPerfectlyAndAnnouncesEachStoryOnceInAnyOrder(long seed) {
    StoryCorpus.Run run = first.run(order(first, seed), book());

    double[] pr = first.pairwise(run);
    assertThat(pr[0]).as("pairwise precision").isEqualTo(1.0);
    assertThat(pr[1]).as("pairwise recall").isEqualTo(1.0);
    assertThat(first.newAlertsPerStory(run))
        .hasSize(INTENDED.size())
        .allSatisfy((story, n) -> assertThat(n).as(story).isEqualTo(1));
  }

  @Test
  void saysNothingWhenTheCorpusIsReadAgain() {
    StoryBook book = book();
    List<StoryCorpus.Article> order = order(first, 0);
    first.run(order, book);

    for (StoryCorpus.Article a : order) {
      StoryBook.Outcome again = book.add(first.reports.get(a.id()));
      assertThat(again.alerts()).as(a.id()).isEmpty();
      assertThat(again.changed()).as(a.id()).isEmpty();
    }
  }

  @Test
  void reconcilesTheFactsOfAStoryByVote() {
    StoryBook book = book();
    first.run(order(first, 3), book);
    Story anthropic =
        book.stories().stream()
            .map(TrackedStory::story)
            .filter(s -> s.lead().orElse("").equals("Anthropic") && s.sources().size() == 5)
            .findFirst()
            .orElseThrow();

    assertThat(anthropic.facts())
        .containsEntry("amount_usd", "13000000000")
        .containsEntry("round", "Series F")
        .containsEntry("valuation_usd", "183000000000");
    assertThat(anthropic.confirmations("amount_usd")).isEqualTo(4);
    assertThat(anthropic.conflicts()).containsEntry("amount_usd", Map.of("12500000000", 1L));
    assertThat(anthropic.status()).isEqualTo(EventStatus.ANNOUNCED);
  }

  @Test
  void groupsTheSameWhenClosedStoriesAreDroppedInPublishedOrder() {
    StoryBook closing =
        new StoryBook(StoryClusterer.withDefaults(), StoryCorpus.EVERYTHING, Duration.ZERO);
    List<StoryCorpus.Article> order = order(first, 0);
    int dropped = 0;
    List<StoryAlert> alerts = new ArrayList<>();
    Map<String, Set<String>> storiesOf = new HashMap<>();
    for (StoryCorpus.Article a : order) {
      StoryBook.Outcome o = closing.add(first.reports.get(a.id()));
      alerts.addAll(o.alerts());
      o.changed()
          .forEach(
              t ->
                  t.story()
                      .members()
                      .forEach(
                          m ->
                              storiesOf
                                  .computeIfAbsent(m.articleId(), k -> new HashSet<>())
                                  .add(t.id())));
      dropped += closing.expire().size();
    }

    assertThat(dropped).isPositive();
    assertThat(StoryCorpus.partition(new StoryCorpus.Run(storiesOf, alerts)))
        .isEqualTo(StoryCorpus.partition(first.run(order, book())));
  }

  /** The written corpus: its dev split, its test split, and the same grouping in every order. */
  @Test
  void measuresTheWrittenCorpusInEveryOrder() throws IOException {
    Assumptions.assumeTrue(Files.exists(WRITTEN), "data/stories/stories.jsonl is not here");
    StoryCorpus written;
    try (BufferedReader in = Files.newBufferedReader(WRITTEN)) {
      written = StoryCorpus.read(in, Tagger.builtIn());
    }
    Map<String, double[]> measured = new HashMap<>();
    for (String split : List.of("dev", "test")) {
      StoryCorpus part = written.split(split);
      Set<Set<String>> grouping = null;
      for (long seed = 0; seed < 8; seed++) {
        StoryCorpus.Run run = part.run(order(part, seed), book());
        Set<Set<String>> p = StoryCorpus.partition(run);
        if (grouping == null) {
          grouping = p;
          double[] pr = part.pairwise(run);
          Set<String> eventStories =
              part.articles.stream()
                  .filter(StoryCorpus.Article::isEvent)
                  .map(StoryCorpus.Article::story)
                  .collect(Collectors.toSet());
          long once =
              part.newAlertsPerStory(run).entrySet().stream()
                  .filter(e -> eventStories.contains(e.getKey()) && e.getValue() == 1)
                  .count();
          long stories = eventStories.size();
          System.out.printf(
              Locale.ROOT,
              "written corpus, %s split, rules only: %d articles (%d event articles untagged),"
                  + " pairwise precision %.3f (%d/%d), recall %.3f (%d/%d); %d of %d stories with"
                  + " exactly one NEW in published order%n",
              split,
              part.articles.size(),
              part.untagged().size(),
              pr[0],
              (long) pr[2],
              (long) pr[3],
              pr[1],
              (long) pr[2],
              (long) pr[4],
              once,
              stories);
          measured.put(split, pr);
          if (split.equals("dev")) {
            // what keeps a dev story from exactly one NEW (the dev split may be read)
            Map<String, Long> news = part.newAlertsPerStory(run);
            Set<String> untagged = new HashSet<>();
            part.untagged().forEach(x -> untagged.add(x.id()));
            eventStories.stream()
                .sorted()
                .filter(st -> news.getOrDefault(st, 0L) != 1)
                .forEach(
                    st ->
                        System.out.printf(
                            Locale.ROOT,
                            "  dev story %s: %d NEW; articles %s%n",
                            st,
                            news.getOrDefault(st, 0L),
                            part.articles.stream()
                                .filter(x -> x.story().equals(st))
                                .map(x -> x.id() + (untagged.contains(x.id()) ? " (untagged)" : ""))
                                .toList()));
          }
        }
        assertThat(p).as("%s split, order %d", split, seed).isEqualTo(grouping);
      }
    }
    Path holdout = WRITTEN.resolveSibling("holdout.jsonl");
    if (Files.exists(holdout)) {
      // never read to choose anything: the same grouping in every order, numbers as they come
      StoryCorpus held;
      try (BufferedReader in = Files.newBufferedReader(holdout)) {
        held = StoryCorpus.read(in, Tagger.builtIn());
      }
      Set<Set<String>> grouping = null;
      for (long seed = 0; seed < 8; seed++) {
        StoryCorpus.Run run = held.run(order(held, seed), book());
        Set<Set<String>> p = StoryCorpus.partition(run);
        if (grouping == null) {
          grouping = p;
          double[] pr = held.pairwise(run);
          System.out.printf(
              Locale.ROOT,
              "held-out file, rules only: %d articles (%d event articles untagged), pairwise"
                  + " precision %.3f (%d/%d), recall %.3f (%d/%d)%n",
              held.articles.size(),
              held.untagged().size(),
              pr[0],
              (long) pr[2],
              (long) pr[3],
              pr[1],
              (long) pr[2],
              (long) pr[4]);
        }
        assertThat(p).as("held-out file, order %d", seed).isEqualTo(grouping);
      }
    }
    // floors at the measured level (see docs/architecture.md): a change that groups worse fails
    assertThat(measured.get("dev")[0]).as("dev precision").isGreaterThanOrEqualTo(0.89);
    assertThat(measured.get("dev")[1]).as("dev recall").isGreaterThanOrEqualTo(0.95);
    assertThat(measured.get("test")[0]).as("test precision").isGreaterThanOrEqualTo(0.75);
    assertThat(measured.get("test")[1]).as("test recall").isGreaterThanOrEqualTo(0.75);
  }

  private static List<StoryCorpus.Article> order(StoryCorpus corpus, long seed) {
    List<StoryCorpus.Article> order =
        new ArrayList<>(
            corpus.articles.stream()
                .sorted(
                    Comparator.comparing(StoryCorpus.Article::published)
                        .thenComparing(StoryCorpus.Article::id))
                .toList());
    if (seed != 0) {
      Collections.shuffle(order, new Random(seed));
    }
    return order;
  }
}
