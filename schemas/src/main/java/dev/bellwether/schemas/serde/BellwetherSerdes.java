package dev.bellwether.schemas.serde;

import dev.bellwether.schemas.TopicSpec;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.ArticleReports;
import dev.bellwether.schemas.avro.DeadLetter;
import dev.bellwether.schemas.avro.FeedItem;
import dev.bellwether.schemas.avro.Source;
import dev.bellwether.schemas.avro.StoredStory;
import dev.bellwether.schemas.avro.TaggedArticle;
import org.apache.avro.specific.SpecificRecord;

/** One serde per record type, and the value serde of each topic. */
public final class BellwetherSerdes {
  private BellwetherSerdes() {}

  public static AvroSerde<Source> source() {
    return new AvroSerde<>(Source.class, Source.getClassSchema());
  }

  public static AvroSerde<FeedItem> feedItem() {
    return new AvroSerde<>(FeedItem.class, FeedItem.getClassSchema());
  }

  public static AvroSerde<Article> article() {
    return new AvroSerde<>(Article.class, Article.getClassSchema());
  }

  public static AvroSerde<TaggedArticle> taggedArticle() {
    return new AvroSerde<>(TaggedArticle.class, TaggedArticle.getClassSchema());
  }

  public static AvroSerde<Alert> alert() {
    return new AvroSerde<>(Alert.class, Alert.getClassSchema());
  }

  /** What the story stage reads of a tagged article (its repartition topic). */
  public static AvroSerde<ArticleReports> articleReports() {
    return new AvroSerde<>(ArticleReports.class, ArticleReports.getClassSchema());
  }

  /** The story stage's stored stories (its state store, not a topic). */
  public static AvroSerde<StoredStory> storedStory() {
    return new AvroSerde<>(StoredStory.class, StoredStory.getClassSchema());
  }

  public static AvroSerde<DeadLetter> deadLetter() {
    return new AvroSerde<>(DeadLetter.class, DeadLetter.getClassSchema());
  }

  /** The serde of the values on {@code topic}. */
  public static AvroSerde<? extends SpecificRecord> forTopic(TopicSpec topic) {
    if (topic.equals(Topics.SOURCES)) {
      return source();
    } else if (topic.equals(Topics.DISCOVERED) || topic.equals(Topics.NEW_ITEMS)) {
      return feedItem();
    } else if (topic.equals(Topics.ARTICLES)) {
      return article();
    } else if (topic.equals(Topics.TAGGED)) {
      return taggedArticle();
    } else if (topic.equals(Topics.ALERTS)) {
      return alert();
    } else if (topic.equals(Topics.DLQ)) {
      return deadLetter();
    }
    throw new IllegalArgumentException("no serde for topic " + topic.name());
  }
}
