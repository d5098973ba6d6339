package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.tagging.Tagger;
import dev.bellwether.core.watchlist.Watchlist;
import dev.bellwether.processors.BellwetherTopology;
import dev.bellwether.processors.replay.TopologyReplay;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertKind;
import dev.bellwether.schemas.avro.AlertSource;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.TextOrigin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The written story corpus ({@code data/stories/stories.jsonl}: 35 stories told by 2–4 outlets and
 * 12 non-events, from real coverage) through the whole topology in Kafka Streams' test driver, with
 * the built-in tagger and model and a watchlist that alerts on everything, in publication order and
 * in shuffled orders. The grouping must not depend on the order; its pairwise precision and recall
 * and the NEW alerts per story are measured per split (dev read while choosing weights, test not).
 */
class StoryCorpusReplayTest {
  private static final Path CORPUS = Path.of("../data/stories/stories.jsonl");
  private static final Path HOLDOUT = Path.of("../data/stories/holdout.jsonl");
  private static final Pattern MERGED = Pattern.compile("merged with story (st-[0-9a-f]{16})");
  private static final int SHUFFLES = 6;

  /** A watchlist that alerts on every story. */
  static final String EVERYTHING_YAML =
      "version: 1\nrules:\n  - id: everything\n    severity: LOW\n    route: all\n";

  private static final Watchlist EVERYTHING =
      Watchlist.parse(EVERYTHING_YAML, "test", CompanyKnowledgeBase.builtIn());

  record Line(Article article, String story, String split, boolean event) {}

  /** What a run gave: the final stories as sets of article ids, and NEW alerts per final story. */
  record Outcome(Set<Set<String>> stories, Map<Set<String>, Integer> news) {}

  private static List<Line> corpus;
  private static BellwetherTopology.Settings settings;

  @BeforeAll
  static void readTheCorpus() throws IOException {
    Assumptions.assumeTrue(Files.exists(CORPUS), "data/stories/stories.jsonl is not here");
    corpus = read(CORPUS);
    Tagger tagger = Knowledge.withModel(new Tagger(CompanyKnowledgeBase.builtIn()), "builtin");
    settings =
        BellwetherTopology.Settings.builder(tagger, EVERYTHING)
            .storyLateness(Duration.ofDays(3650))
            .build();
  }

  /** The lines of a story corpus file (the format of data/stories/README.md) as articles. */
  static List<Line> read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Line> corpus = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = json.readTree(line);
      Instant published = Instant.parse(n.get("published").asText());
      Article a =
          Article.newBuilder()
              .setId(n.get("id").asText())
              .setSourceId(n.get("source").asText().toLowerCase(Locale.ROOT).replace(' ', '-'))
              .setOutlet(n.get("source").asText())
              .setUrl(n.get("url").asText())
              .setTitle(n.get("title").asText())
              .setText(n.get("text").asText())
              .setPublished(published)
              .setDiscovered(published.plusSeconds(60))
              .setTextOrigin(TextOrigin.PAGE)
              .build();
      corpus.add(
          new Line(
              a,
              n.get("story").asText(),
              n.get("split").asText(),
              !n.get("type").asText().equals("NONE")));
    }
    return corpus;
  }

  @Test
  void groupsTheSameInEveryOrderAndMeasuresEachSplit() {
    for (String split : List.of("dev", "test")) {
      List<Line> part = corpus.stream().filter(l -> l.split().equals(split)).toList();
      double[] measured = measureInEveryOrder(split, part);
      // floors at the level measured when this stage was written (docs/architecture.md)
      assertThat(measured[0]).as("%s precision", split).isGreaterThanOrEqualTo(0.92);
      assertThat(measured[1]).as("%s recall", split).isGreaterThanOrEqualTo(0.8);
    }
  }

  /**
   * The held-out file (data/stories/holdout.jsonl), never read to choose anything: the same
   * grouping in every order, and its measures as they come.
   */
  @Test
  void groupsTheHeldOutStoriesTheSameInEveryOrder() throws IOException {
    Assumptions.assumeTrue(Files.exists(HOLDOUT), "data/stories/holdout.jsonl is not here");
    measureInEveryOrder("holdout", read(HOLDOUT));
  }

  /** Runs a part in publication order and shuffled; the grouping must not change. */
  private static double[] measureInEveryOrder(String split, List<Line> part) {
    List<Article> inOrder =
        part.stream()
            .map(Line::article)
            .sorted(Comparator.comparing(Article::getPublished).thenComparing(Article::getId))
            .toList();
    Outcome first = run(inOrder);
    double[] measured = report(split, part, first);
    for (int seed = 1; seed <= SHUFFLES; seed++) {
      List<Article> shuffled = new ArrayList<>(inOrder);
      Collections.shuffle(shuffled, new Random(seed));
      Outcome other = run(shuffled);
      assertThat(other.stories())
          .as("%s split, shuffle %d", split, seed)
          .isEqualTo(first.stories());
      report(split + " shuffle " + seed, part, other);
    }
    return measured;
  }

  private static Outcome run(List<Article> order) {
    return outcome(TopologyReplay.alertsAsArriving(settings, order), order);
  }

  /**
   * The stories the alerts leave, as sets of article ids (a story merged into another is gone; each
   * story's articles are the sources of its latest alert), and the NEW alerts of each.
   */
  static Outcome outcome(List<Alert> alerts, List<Article> articles) {
    Set<String> absorbed = new HashSet<>();
    Map<String, Alert> latest = new LinkedHashMap<>();
    Map<String, Integer> newsOf = new HashMap<>();
    Map<String, String> into = new HashMap<>();
    for (Alert a : alerts) {
      latest.put(a.getStoryId(), a);
      if (a.getKind() == AlertKind.NEW) {
        newsOf.merge(a.getStoryId(), 1, Integer::sum);
      }
      Matcher m = MERGED.matcher(a.getReason());
      while (m.find()) {
        absorbed.add(m.group(1));
        into.put(m.group(1), a.getStoryId());
      }
    }
    Map<String, String> idOfUrl = new HashMap<>();
    articles.forEach(a -> idOfUrl.put(a.getUrl(), a.getId()));
    Set<Set<String>> stories = new HashSet<>();
    Map<Set<String>, Integer> news = new HashMap<>();
    Map<String, Set<String>> members = new HashMap<>();
    latest.forEach(
        (id, a) -> {
          if (!absorbed.contains(id)) {
            Set<String> ids = new HashSet<>();
            for (AlertSource s : a.getSources()) {
              ids.add(idOfUrl.get(s.getUrl()));
            }
            stories.add(ids);
            members.put(id, ids);
          }
        });
    newsOf.forEach(
        (id, n) -> {
          String end = id;
          while (into.containsKey(end)) {
            end = into.get(end);
          }
          news.merge(members.get(end), n, Integer::sum);
        });
    return new Outcome(stories, news);
  }

  /** The corpus's articles of a split, in publication order. */
  static List<Article> articles(String split) throws IOException {
    if (corpus == null) {
      readTheCorpus();
    }
    return corpus.stream()
        .filter(l -> l.split().equals(split))
        .map(Line::article)
        .sorted(Comparator.comparing(Article::getPublished).thenComparing(Article::getId))
        .toList();
  }

  /** The settings of these runs: built-in tagger and model, alerting on everything. */
  static BellwetherTopology.Settings settings() throws IOException {
    if (settings == null) {
      readTheCorpus();
    }
    return settings;
  }

  /** Prints the measures of a run and returns pairwise precision and recall. */
  static double[] report(String name, List<Line> part, Outcome o) {
    Map<String, Line> byId = new HashMap<>();
    part.forEach(l -> byId.put(l.article().getId(), l));
    Map<String, Set<String>> storyOf = new HashMap<>();
    o.stories()
        .forEach(
            s ->
                s.forEach(
                    id ->
                        storyOf
                            .computeIfAbsent(id, k -> new HashSet<>())
                            .add(String.valueOf(s.hashCode()))));
    List<Line> grouped =
        part.stream().filter(l -> l.event() && storyOf.containsKey(l.article().getId())).toList();
    long tp = 0;
    long predicted = 0;
    long gold = 0;
    for (int i = 0; i < grouped.size(); i++) {
      for (int j = i + 1; j < grouped.size(); j++) {
        Set<String> shared = new HashSet<>(storyOf.get(grouped.get(i).article().getId()));
        shared.retainAll(storyOf.get(grouped.get(j).article().getId()));
        boolean same = !shared.isEmpty();
        boolean g = grouped.get(i).story().equals(grouped.get(j).story());
        tp += same && g ? 1 : 0;
        predicted += same ? 1 : 0;
        gold += g ? 1 : 0;
      }
    }
    // NEW alerts per gold story: each final story counts for the gold story most of its articles
    // belong to; stories made only of non-events are events made up
    Map<String, Integer> perGold = new TreeMap<>();
    int madeUp = 0;
    for (Map.Entry<Set<String>, Integer> e : o.news().entrySet()) {
      Map<String, Integer> votes = new TreeMap<>();
      e.getKey().forEach(id -> votes.merge(byId.get(id).story(), 1, Integer::sum));
      String g = Collections.max(votes.entrySet(), Map.Entry.comparingByValue()).getKey();
      if (g.startsWith("none-")) {
        madeUp += e.getValue();
      } else {
        perGold.merge(g, e.getValue(), Integer::sum);
      }
    }
    if (name.equals("dev")) {
      // what is wrong on the dev split (which may be read): stories mixing gold stories, and
      // NEW alerts for non-events
      for (Set<String> st : o.stories()) {
        Set<String> golds = new java.util.TreeSet<>();
        st.forEach(id -> golds.add(byId.get(id).story()));
        if (golds.size() > 1 || golds.iterator().next().startsWith("none-")) {
          System.out.printf(
              Locale.ROOT, "  dev story of %s: %s%n", new java.util.TreeSet<>(st), golds);
        }
      }
    }
    long stories = part.stream().filter(Line::event).map(Line::story).distinct().count();
    long once = perGold.values().stream().filter(n -> n == 1).count();
    long untagged =
        part.stream().filter(l -> l.event() && !storyOf.containsKey(l.article().getId())).count();
    System.out.printf(
        Locale.ROOT,
        "story corpus through the topology, %s: pairwise precision %.3f (%d/%d), recall %.3f"
            + " (%d/%d); %d of %d stories with exactly one NEW, %d with more, %d with none;"
            + " %d event articles in no alert; %d NEW for non-events%n",
        name,
        predicted == 0 ? 1.0 : tp / (double) predicted,
        tp,
        predicted,
        gold == 0 ? 1.0 : tp / (double) gold,
        tp,
        gold,
        once,
        stories,
        perGold.values().stream().filter(n -> n > 1).count(),
        stories - perGold.size(),
        untagged,
        madeUp);
    return new double[] {
      predicted == 0 ? 1.0 : tp / (double) predicted, gold == 0 ? 1.0 : tp / (double) gold
    };
  }
}
