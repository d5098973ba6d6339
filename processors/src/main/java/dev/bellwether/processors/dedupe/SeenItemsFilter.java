package dev.bellwether.processors.dedupe;

import dev.bellwether.schemas.avro.FeedItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * Forwards an item the first time its id is seen and drops every repeat. Ids are remembered in a
 * changelogged store for {@code memory}, then forgotten by a periodic sweep, so the store stays
 * bounded while feeds that keep old entries for weeks still produce no repeats.
 */
public final class SeenItemsFilter implements Processor<String, FeedItem, String, FeedItem> {
  /** The store's name; its changelog topic is named after it. */
  public static final String STORE = "seen-items";

  private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

  private final Duration memory;
  private @Nullable ProcessorContext<String, FeedItem> context;
  private @Nullable KeyValueStore<String, Long> seen;

  public SeenItemsFilter(Duration memory) {
    this.memory = memory;
  }

  @Override
  public void init(ProcessorContext<String, FeedItem> context) {
    this.context = context;
    this.seen = context.getStateStore(STORE);
    context.schedule(SWEEP_EVERY, PunctuationType.WALL_CLOCK_TIME, this::forgetOlderThanMemory);
  }

  @Override
  public void process(Record<String, FeedItem> item) {
    if (item.key() == null || isDuplicate(item.key())) {
      return;
    }
    rememberNewItem(item.key());
    context().forward(item);
  }

  private boolean isDuplicate(String id) {
    return store().get(id) != null;
  }

  private void rememberNewItem(String id) {
    store().put(id, context().currentSystemTimeMs());
  }

  private void forgetOlderThanMemory(long now) {
    long cutoff = now - memory.toMillis();
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, Long> all = store().all()) {
      while (all.hasNext()) {
        KeyValue<String, Long> entry = all.next();
        if (entry.value < cutoff) {
          expired.add(entry.key);
        }
      }
    }
    expired.forEach(store()::delete);
  }

  private KeyValueStore<String, Long> store() {
    if (seen == null) {
      throw new IllegalStateException("processor not initialised");
    }
    return seen;
  }

  private ProcessorContext<String, FeedItem> context() {
    if (context == null) {
      throw new IllegalStateException("processor not initialised");
    }
    return context;
  }
}
