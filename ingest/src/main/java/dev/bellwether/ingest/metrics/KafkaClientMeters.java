package dev.bellwether.ingest.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The Kafka client metrics of a role's producers and consumers, bound while each client lives: a
 * role that replaces a client unbinds the old one. Thread-safe.
 */
public final class KafkaClientMeters implements AutoCloseable {
  private final MeterRegistry registry;
  private final Map<Object, KafkaClientMetrics> bound = new IdentityHashMap<>();

  public KafkaClientMeters(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  public synchronized void bind(Producer<?, ?> producer) {
    bind(producer, new KafkaClientMetrics(producer));
  }

  public synchronized void bind(Consumer<?, ?> consumer) {
    bind(consumer, new KafkaClientMetrics(consumer));
  }

  /** Removes the meters of {@code client}, which is closed or about to be. */
  public synchronized void unbind(Object client) {
    KafkaClientMetrics metrics = bound.remove(client);
    if (metrics != null) {
      metrics.close();
    }
  }

  @Override
  public synchronized void close() {
    bound.values().forEach(KafkaClientMetrics::close);
    bound.clear();
  }

  private void bind(Object client, KafkaClientMetrics metrics) {
    metrics.bindTo(registry);
    KafkaClientMetrics previous = bound.put(client, metrics);
    if (previous != null) {
      previous.close();
    }
  }
}
