package dev.bellwether.core.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.tagging.DetectedEvent;
import dev.bellwether.core.tagging.Tagger;
import dev.bellwether.core.watchlist.Watchlist;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A story corpus (JSON lines: id, source, url, title, text, published, story) tagged by the real
 * tagger, and the measures of a grouping against its gold story labels.
 */
final class StoryCorpus {
  /** A watchlist that alerts on every event: what the grouping is measured with. */
  static final Watchlist EVERYTHING =
      Watchlist.parse(
          "version: 1\nrules:\n  - id: everything\n    severity: LOW\n    route: all\n",
          "test",
          CompanyKnowledgeBase.builtIn());

  record Article(
      String id,
      String source,
      String url,
      String title,
      String text,
      Instant published,
      String story,
      String type,
      String split) {
    boolean isEvent() {
      return !type.equals("NONE");
    }
  }

  final List<Article> articles;

  /** Per article id, its reports (one per event the tagger found; none for many non-events). */
  final Map<String, List<Report>> reports = new LinkedHashMap<>();

  private StoryCorpus(List<Article> articles, Map<String, List<Report>> reports) {
    this.articles = List.copyOf(articles);
    this.reports.putAll(reports);
  }

  /** The articles of one split ({@code dev} or {@code test}), with their reports. */
  StoryCorpus split(String name) {
    return new StoryCorpus(articles.stream().filter(a -> a.split().equals(name)).toList(), reports);
  }

  private StoryCorpus(List<Article> articles, Tagger tagger) {
    this.articles = List.copyOf(articles);
    for (Article a : articles) {
      List<Report> rs = new ArrayList<>();
      for (DetectedEvent e : tagger.tag(a.title() + "\n\n" + a.text()).events()) {
        rs.add(
            Report.of(
                a.id(), a.source(), a.url(), a.published(), a.title(), a.text(), StoryEvent.of(e)));
      }
      reports.put(a.id(), rs);
    }
  }

  static StoryCorpus read(BufferedReader in, Tagger tagger) {
    ObjectMapper json = new ObjectMapper();
    List<Article> articles = new ArrayList<>();
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
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
                  n.get("story").asText(),
                  n.has("type") ? n.get("type").asText() : "EVENT",
                  n.has("split") ? n.get("split").asText() : "dev"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new StoryCorpus(articles, tagger);
  }

  /** What a run of the articles through a story book gave. */
  record Run(
      Map<String, Set<String>> storiesOf, List<StoryAlert> alerts, Map<String, String> mergedInto) {
    Run(Map<String, Set<String>> storiesOf, List<StoryAlert> alerts) {
      this(storiesOf, alerts, Map.of());
    }
  }

  Run run(List<Article> order, StoryBook book) {
    List<StoryAlert> alerts = new ArrayList<>();
    Map<String, String> mergedInto = new HashMap<>();
    for (Article a : order) {
      StoryBook.Outcome o = book.add(reports.get(a.id()));
      alerts.addAll(o.alerts());
      mergedInto.replaceAll((from, into) -> o.merged().getOrDefault(into, into));
      mergedInto.putAll(o.merged());
    }
    Map<String, Set<String>> storiesOf = new HashMap<>();
    for (TrackedStory t : book.stories()) {
      for (Report m : t.story().members()) {
        storiesOf.computeIfAbsent(m.articleId(), k -> new HashSet<>()).add(t.id());
      }
    }
    return new Run(storiesOf, alerts, mergedInto);
  }

  /** The grouping as sets of article ids, whatever the story ids. */
  static Set<Set<String>> partition(Run run) {
    Map<String, Set<String>> members = new HashMap<>();
    run.storiesOf()
        .forEach(
            (a, ss) -> ss.forEach(s -> members.computeIfAbsent(s, k -> new HashSet<>()).add(a)));
    return new HashSet<>(members.values());
  }

  /**
   * Pairwise precision and recall over the event articles the tagger gave an event: a pair is
   * predicted together when the articles share a story.
   */
  double[] pairwise(Run run) {
    List<Article> grouped =
        articles.stream().filter(a -> a.isEvent() && run.storiesOf().containsKey(a.id())).toList();
    long tp = 0;
    long predicted = 0;
    long gold = 0;
    for (int i = 0; i < grouped.size(); i++) {
      for (int j = i + 1; j < grouped.size(); j++) {
        Article a = grouped.get(i);
        Article b = grouped.get(j);
        Set<String> shared = new HashSet<>(run.storiesOf().get(a.id()));
        shared.retainAll(run.storiesOf().get(b.id()));
        boolean same = !shared.isEmpty();
        boolean g = a.story().equals(b.story());
        tp += same && g ? 1 : 0;
        predicted += same ? 1 : 0;
        gold += g ? 1 : 0;
      }
    }
    return new double[] {
      predicted == 0 ? 1 : tp / (double) predicted,
      gold == 0 ? 1 : tp / (double) gold,
      tp,
      predicted,
      gold
    };
  }

  /**
   * Per gold story, how many NEW alerts went to the story it became: each NEW counts for the final
   * story its story was merged into, and each final story for the gold story most of its articles
   * belong to (ties: the smallest key). Gold keys of non-events count NEWs for events made up.
   */
  Map<String, Long> newAlertsPerStory(Run run) {
    Map<String, String> goldOf =
        articles.stream().collect(Collectors.toMap(Article::id, Article::story));
    Map<String, Map<String, Integer>> votes = new HashMap<>();
    run.storiesOf()
        .forEach(
            (article, stories) -> {
              String gold = goldOf.get(article);
              if (gold != null) {
                stories.forEach(
                    s ->
                        votes
                            .computeIfAbsent(s, k -> new java.util.TreeMap<>())
                            .merge(gold, 1, Integer::sum));
              }
            });
    Map<String, Long> out = new java.util.TreeMap<>();
    for (StoryAlert x : run.alerts()) {
      if (x.kind() != AlertKind.NEW) {
        continue;
      }
      String story = run.mergedInto().getOrDefault(x.tracked().id(), x.tracked().id());
      Map<String, Integer> v = votes.get(story);
      if (v == null) {
        continue; // a story of articles outside this corpus part
      }
      String gold =
          v.entrySet().stream()
              .max(
                  Map.Entry.<String, Integer>comparingByValue()
                      .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
              .orElseThrow()
              .getKey();
      out.merge(gold, 1L, Long::sum);
    }
    return out;
  }

  /** Event articles the tagger gave no event. */
  List<Article> untagged() {
    return articles.stream().filter(a -> a.isEvent() && reports.get(a.id()).isEmpty()).toList();
  }
}
