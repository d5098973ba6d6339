package dev.bellwether.processors.story;

import dev.bellwether.core.story.Fingerprint;
import dev.bellwether.core.story.Report;
import dev.bellwether.core.story.Source;
import dev.bellwether.core.story.Story;
import dev.bellwether.core.story.StoryEvent;
import dev.bellwether.core.story.TrackedStory;
import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.ArticleReports;
import dev.bellwether.schemas.avro.Evidence;
import dev.bellwether.schemas.avro.StoredReport;
import dev.bellwether.schemas.avro.StoredSource;
import dev.bellwether.schemas.avro.StoredStory;
import dev.bellwether.schemas.avro.TaggedArticle;
import dev.bellwether.schemas.avro.TaggedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Between the story stage's records and the core's values: reports from tagged events, and stories
 * to and from the Avro {@code StoredStory} the store keeps.
 */
final class StoryRecords {
  private StoryRecords() {}

  /** The report of one of an article's events; empty when its type or status is unknown. */
  static Optional<Report> report(Article article, TaggedEvent event) {
    if (event.getType() == dev.bellwether.schemas.avro.EventType.UNKNOWN
        || event.getStatus() == dev.bellwether.schemas.avro.EventStatus.UNKNOWN) {
      return Optional.empty();
    }
    StoryEvent e =
        new StoryEvent(
            EventType.valueOf(event.getType().name()),
            EventStatus.valueOf(event.getStatus().name()),
            event.getCompanies(),
            event.getFacts(),
            event.getEnded(),
            event.getRelaxed());
    Instant published =
        article.getPublished() != null ? article.getPublished() : article.getDiscovered();
    return Optional.of(
        Report.of(
            article.getId(),
            article.getOutlet(),
            article.getUrl(),
            published,
            article.getTitle(),
            article.getText(),
            e));
  }

  /**
   * What the story stage needs of a tagged article: a report per event of a known type and status,
   * with its evidence, and when the article's item was discovered.
   */
  static ArticleReports reportsOf(TaggedArticle tagged) {
    List<StoredReport> reports = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    for (TaggedEvent event : tagged.getEvents()) {
      report(tagged.getArticle(), event)
          .ifPresent(
              r -> {
                reports.add(stored(r));
                evidence.add(event.getEvidence());
              });
    }
    return new ArticleReports(reports, evidence, tagged.getArticle().getDiscovered());
  }

  static StoredReport stored(Report r) {
    StoryEvent e = r.event();
    List<Integer> print = new ArrayList<>(Fingerprint.SIZE);
    for (int v : r.fingerprint().toArray()) {
      print.add(v);
    }
    return StoredReport.newBuilder()
        .setArticleId(r.articleId())
        .setOutlet(r.outlet())
        .setUrl(r.url())
        .setPublished(r.published())
        .setTitle(r.title())
        .setSummary(r.summary())
        .setEventType(dev.bellwether.schemas.avro.EventType.valueOf(e.type().name()))
        .setStatus(dev.bellwether.schemas.avro.EventStatus.valueOf(e.status().name()))
        .setCompanies(e.companies())
        .setFacts(e.facts())
        .setEnded(e.ended())
        .setRelaxed(e.relaxed())
        .setFingerprint(print)
        .setTerms(r.terms())
        .setAmounts(r.amounts())
        .setAiContext(r.aiContext())
        .build();
  }

  static Report report(StoredReport r) {
    int[] print = r.getFingerprint().stream().mapToInt(Integer::intValue).toArray();
    return new Report(
        r.getArticleId(),
        r.getOutlet(),
        r.getUrl(),
        r.getPublished(),
        r.getTitle(),
        r.getSummary(),
        new StoryEvent(
            EventType.valueOf(r.getEventType().name()),
            EventStatus.valueOf(r.getStatus().name()),
            r.getCompanies(),
            r.getFacts(),
            r.getEnded(),
            r.getRelaxed()),
        Fingerprint.fromArray(print),
        r.getTerms(),
        r.getAmounts(),
        r.getAiContext());
  }

  static StoredStory stored(TrackedStory tracked) {
    Story story = tracked.story();
    List<StoredReport> reports = new ArrayList<>(story.members().size());
    for (Report r : story.members()) {
      reports.add(stored(r));
    }
    List<StoredSource> overflow = new ArrayList<>();
    for (Source s : story.overflow()) {
      overflow.add(new StoredSource(s.outlet(), s.url(), s.published()));
    }
    return StoredStory.newBuilder()
        .setId(story.id())
        .setReports(reports)
        .setOverflow(overflow)
        .setUnlisted(story.unlisted())
        .setLastUpdated(story.lastUpdated())
        .setRuleId(tracked.ruleId())
        .setRuleVersion(tracked.ruleVersion())
        .setAlerts(tracked.alerts())
        .build();
  }

  static TrackedStory tracked(StoredStory stored) {
    List<Report> members = new ArrayList<>(stored.getReports().size());
    for (StoredReport r : stored.getReports()) {
      members.add(report(r));
    }
    List<Source> overflow = new ArrayList<>();
    for (StoredSource s : stored.getOverflow()) {
      overflow.add(new Source(s.getOutlet(), s.getUrl(), s.getPublished()));
    }
    return new TrackedStory(
        new Story(stored.getId(), members, overflow, stored.getUnlisted(), stored.getLastUpdated()),
        stored.getRuleId(),
        stored.getRuleVersion(),
        stored.getAlerts());
  }
}
