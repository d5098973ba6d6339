package dev.bellwether.processors.tag;

import dev.bellwether.core.tagging.CompanyMention;
import dev.bellwether.core.tagging.DetectedEvent;
import dev.bellwether.core.tagging.Tagger;
import dev.bellwether.core.tagging.Tagging;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.EventStatus;
import dev.bellwether.schemas.avro.EventType;
import dev.bellwether.schemas.avro.Evidence;
import dev.bellwether.schemas.avro.TaggedArticle;
import dev.bellwether.schemas.avro.TaggedEvent;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * Runs core's tagger over an article's title and text and maps what it finds to the Avro contract.
 * When one article reports the same event twice (title and body), the more confident reading is
 * kept.
 */
public final class ArticleTagger {
  private final Tagger tagger;
  private final Clock clock;

  public ArticleTagger(Tagger tagger, Clock clock) {
    this.tagger = tagger;
    this.clock = clock;
  }

  /** The text the tagger reads: the title as its own first paragraph, then the body. */
  public static String taggedText(Article article) {
    return article.getText().isBlank()
        ? article.getTitle()
        : article.getTitle() + "\n\n" + article.getText();
  }

  /**
   * The article's companies and events.
   *
   * @throws IllegalArgumentException for a record without a value (a tombstone), which has no
   *     article to tag; the processing handler dead-letters it with this reason
   */
  public TaggedArticle tag(@Nullable Article article) {
    if (article == null) {
      throw new IllegalArgumentException(
          "an empty record (no value, a tombstone) on the articles topic: there is no article to"
              + " tag");
    }
    Tagging tagging = tagger.tag(taggedText(article));
    return TaggedArticle.newBuilder()
        .setArticle(article)
        .setCompanies(tagging.companies().stream().map(ArticleTagger::toAvro).toList())
        .setEvents(tagging.events().stream().map(ArticleTagger::toAvro).toList())
        .setTaggerVersion(Tagger.VERSION)
        .setTagged(clock.instant())
        .build();
  }

  private static dev.bellwether.schemas.avro.CompanyMention toAvro(CompanyMention mention) {
    return new dev.bellwether.schemas.avro.CompanyMention(
        mention.company(), mention.surface(), mention.start(), mention.end());
  }

  private static TaggedEvent toAvro(DetectedEvent event) {
    return TaggedEvent.newBuilder()
        .setType(EventType.valueOf(event.type().name()))
        .setStatus(EventStatus.valueOf(event.status().name()))
        .setCompanies(event.companies())
        .setFacts(event.facts())
        .setEnded(event.ended())
        .setRelaxed(event.relaxed())
        .setConfidence(event.confidence())
        .setEvidence(
            new Evidence(event.evidence().text(), event.evidence().start(), event.evidence().end()))
        .build();
  }
}
