package dev.bellwether.processors.trends;

import dev.bellwether.schemas.avro.TaggedArticle;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Re-stamps each tagged article with its event time (see {@link #of}), so the trend windows count
 * it by when it was published rather than when it was read. Trends take the tagged articles in
 * process, where no timestamp extractor runs, hence a step of its own; it sits on the trends branch
 * only, so the alerts keep the timestamps they came in with.
 */
final class PublishedTime implements FixedKeyProcessor<String, TaggedArticle, TaggedArticle> {
  private FixedKeyProcessorContext<String, TaggedArticle> context;

  /**
   * Event time of a tagged article: when it was published, or {@code recordTime} when it has no
   * published time or claims one later than the record (a clock ahead, a date in the future) — a
   * future time would move stream time on and make the windows drop the articles that follow. A
   * published time before 1970 is not used either: Kafka refuses negative timestamps.
   */
  static long of(TaggedArticle article, long recordTime) {
    Instant published = article.getArticle().getPublished();
    if (published == null) {
      return recordTime;
    }
    long publishedTime = published.toEpochMilli();
    return publishedTime >= 0 && publishedTime <= recordTime ? publishedTime : recordTime;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, TaggedArticle> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, TaggedArticle> record) {
    context.forward(record.withTimestamp(of(record.value(), record.timestamp())));
  }
}
