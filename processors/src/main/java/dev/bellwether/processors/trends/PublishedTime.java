package dev.bellwether.processors.trends;

import dev.bellwether.schemas.avro.TaggedArticle;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of a tagged article: when it was published, or the record's timestamp when it has no
 * published time or claims one later than the record (a clock ahead, a date in the future) — a
 * future time would move stream time on and make the windows drop the articles that follow.
 */
final class PublishedTime implements TimestampExtractor {
  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    long recordTime = record.timestamp();
    if (record.value() instanceof TaggedArticle tagged) {
      Instant published = tagged.getArticle().getPublished();
      if (published != null && (recordTime < 0 || published.toEpochMilli() <= recordTime)) {
        return published.toEpochMilli();
      }
    }
    return recordTime >= 0 ? recordTime : Math.max(partitionTime, 0);
  }
}
