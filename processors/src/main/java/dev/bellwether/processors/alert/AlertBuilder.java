package dev.bellwether.processors.alert;

import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import dev.bellwether.core.watchlist.WatchRule;
import dev.bellwether.core.watchlist.Watchlist;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertKind;
import dev.bellwether.schemas.avro.AlertSource;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.Severity;
import dev.bellwether.schemas.avro.TaggedArticle;
import dev.bellwether.schemas.avro.TaggedEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;

/**
 * Turns each event of a tagged article that a watchlist rule matches into an alert keyed by its
 * story id. Ids are derived from the article and the event, so reprocessing the same article yields
 * the same ids.
 *
 * <p>v1: a story is one article's event; clustering across outlets comes with the stories work.
 */
public final class AlertBuilder {
  private static final int SUMMARY_LIMIT = 400;

  private final Watchlist watchlist;

  public AlertBuilder(Watchlist watchlist) {
    this.watchlist = watchlist;
  }

  public List<KeyValue<String, Alert>> alertsFor(TaggedArticle tagged) {
    Map<String, KeyValue<String, Alert>> alerts = new LinkedHashMap<>();
    for (TaggedEvent event : tagged.getEvents()) {
      matchingRule(event)
          .map(rule -> toAlert(tagged.getArticle(), event, rule))
          .ifPresent(
              alert ->
                  alerts.putIfAbsent(alert.getStoryId(), KeyValue.pair(alert.getStoryId(), alert)));
    }
    return new ArrayList<>(alerts.values());
  }

  /** v1: one story per article, event type and lead company. */
  private static String storyId(Article article, TaggedEvent event) {
    String lead = event.getCompanies().isEmpty() ? "" : event.getCompanies().get(0);
    return "story-" + hash(article.getId(), event.getType().name(), lead);
  }

  private Optional<WatchRule> matchingRule(TaggedEvent event) {
    if (event.getType() == dev.bellwether.schemas.avro.EventType.UNKNOWN
        || event.getStatus() == dev.bellwether.schemas.avro.EventStatus.UNKNOWN) {
      return Optional.empty();
    }
    return watchlist.firstMatch(toCore(event));
  }

  private static Alert toAlert(Article article, TaggedEvent event, WatchRule rule) {
    String storyId = storyId(article, event);
    Instant seen =
        article.getPublished() != null ? article.getPublished() : article.getDiscovered();
    return Alert.newBuilder()
        .setId(hash(storyId, AlertKind.NEW.name()))
        .setStoryId(storyId)
        .setKind(AlertKind.NEW)
        .setEventType(event.getType())
        .setStatus(event.getStatus())
        .setEnded(event.getEnded())
        .setRelaxed(event.getRelaxed())
        .setCompanies(event.getCompanies())
        .setHeadline(article.getTitle())
        .setSummary(summary(article.getText()))
        .setFacts(event.getFacts())
        .setEvidence(event.getEvidence())
        .setSources(List.of(new AlertSource(article.getOutlet(), article.getUrl(), seen)))
        .setFirstSeen(article.getDiscovered())
        .setSeverity(Severity.valueOf(rule.severity().name()))
        .setRuleId(rule.id())
        .build();
  }

  private static dev.bellwether.core.tagging.DetectedEvent toCore(TaggedEvent event) {
    return new dev.bellwether.core.tagging.DetectedEvent(
        EventType.valueOf(event.getType().name()),
        EventStatus.valueOf(event.getStatus().name()),
        event.getCompanies(),
        event.getFacts(),
        event.getEnded(),
        event.getRelaxed(),
        event.getConfidence(),
        new dev.bellwether.core.tagging.Evidence(
            event.getEvidence().getText(),
            event.getEvidence().getStart(),
            event.getEvidence().getEnd()));
  }

  private static String summary(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= SUMMARY_LIMIT
        ? oneLine
        : oneLine.substring(0, SUMMARY_LIMIT - 1).strip() + "…";
  }

  static String hash(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
