package dev.bellwether.processors.trends;

import dev.bellwether.schemas.avro.EventType;
import dev.bellwether.schemas.avro.TaggedArticle;
import dev.bellwether.schemas.avro.TaggedEvent;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Counts, per company and event type, the tagged articles reporting such an event, in hourly and
 * daily tumbling windows of event time (the article's published time; see {@link PublishedTime}).
 * The tagged articles come in process from the tagging step, not read back from {@code
 * bellwether.tagged}, so they are re-stamped with their event time first.
 *
 * <pre>
 * (tagged) ─ trends-stamp-published-time ─ trends-key-by-company-and-type
 *          ─▶ trends-by-company-and-type (repartition)
 *          ├ trends-count-hour ─▶ store trends-hour
 *          └ trends-count-day  ─▶ store trends-day
 * </pre>
 *
 * An article counts once per (company, type) however many events of that type it reports for the
 * company. A record whose window closed more than {@link #GRACE} before the newest event time seen
 * on its partition is not counted (Kafka Streams' dropped-records metric counts it); stores keep
 * {@link #RETENTION} of windows. The stores are changelogged, so under exactly-once the counts are
 * exact across restarts and rebalances.
 */
public final class TrendsTopology {
  /** How long windows are kept and queryable. */
  public static final Duration RETENTION = Duration.ofDays(30);

  /**
   * How late (in event time) an article may arrive and still be counted in its window: as long as
   * the day window is kept. Not a few hours: feeds list their newest entries first, a first poll
   * brings days of entries, and outlets publish hours or days apart, so event time runs backwards
   * often; a short grace dropped most of the demo's articles. Nothing waits on the grace (the
   * stores are read as they are, not after windows close), so a long one costs nothing.
   */
  public static final Duration GRACE = RETENTION.minus(TrendWindow.DAY.size());

  /** Names the repartition topic ({@code <application id>-trends-by-company-and-type-...}). */
  public static final String REPARTITION = "trends-by-company-and-type";

  private static final Serde<String> KEYS = Serdes.String();

  private TrendsTopology() {}

  /**
   * Adds the trend counts of the articles in {@code tagged} to the topology that stream belongs to.
   */
  public static void addTo(KStream<String, TaggedArticle> tagged) {
    KGroupedStream<String, String> byCompanyAndType =
        tagged
            .processValues(PublishedTime::new, Named.as("trends-stamp-published-time"))
            .flatMap(
                (id, article) -> trendKeys(id, article), Named.as("trends-key-by-company-and-type"))
            .repartition(Repartitioned.with(KEYS, KEYS).withName(REPARTITION))
            .groupByKey();
    for (TrendWindow window : TrendWindow.values()) {
      count(byCompanyAndType, window);
    }
  }

  private static void count(KGroupedStream<String, String> grouped, TrendWindow window) {
    grouped
        .windowedBy(TimeWindows.ofSizeAndGrace(window.size(), GRACE))
        .count(
            Named.as("trends-count-" + window.label()),
            Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(window.store())
                .withKeySerde(KEYS)
                .withValueSerde(Serdes.Long())
                .withRetention(RETENTION));
  }

  /** One record per distinct (company, type) of the article's events, valued with its id. */
  static List<KeyValue<String, String>> trendKeys(String id, TaggedArticle article) {
    Set<String> keys = new LinkedHashSet<>();
    for (TaggedEvent event : article.getEvents()) {
      if (event.getType() == EventType.UNKNOWN) {
        continue;
      }
      for (String company : event.getCompanies()) {
        if (!company.isBlank()) {
          keys.add(new TrendKey(company, event.getType()).encoded());
        }
      }
    }
    return keys.stream().map(k -> KeyValue.pair(k, id)).toList();
  }
}
