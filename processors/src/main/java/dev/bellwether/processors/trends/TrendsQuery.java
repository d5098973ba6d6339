package dev.bellwether.processors.trends;

import dev.bellwether.schemas.TrendSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.jspecify.annotations.Nullable;

/**
 * Answers trends questions from any instance of the application. Each (company, type) key lives in
 * the stores of exactly one instance (the active task of its partition): a question about one key
 * goes to its owner ({@link KafkaStreams#queryMetadataForKey}); a wider one asks every instance
 * holding the store ({@link KafkaStreams#streamsMetadataForStore}) for its own keys and merges the
 * answers. Other instances are reached through {@link TrendsPeers} (HTTP in the app) at their
 * {@code application.server}; without one (a single instance) only the local stores are read.
 */
public final class TrendsQuery implements TrendsAnswers {
  private final KafkaStreams streams;
  private final @Nullable HostInfo self;
  private final TrendsPeers peers;

  /**
   * @param self this instance's {@code application.server}, or null when it has none
   * @param peers how to ask the other instances
   */
  public TrendsQuery(KafkaStreams streams, @Nullable HostInfo self, TrendsPeers peers) {
    this.streams = streams;
    this.self = self;
    this.peers = peers;
  }

  /**
   * The counts for every key the request covers, wherever they live.
   *
   * @throws TrendsUnavailable while Streams is not RUNNING or an owner does not answer
   */
  @Override
  public Trends query(TrendsRequest request) {
    requireRunning();
    if (self == null) {
      return queryLocal(request);
    }
    TrendKey key = request.key();
    List<TrendSeries> parts = new ArrayList<>();
    for (HostInfo host : key != null ? List.of(owner(request, key)) : hosts(request)) {
      parts.addAll(host.equals(self) ? local(request) : peers.fetch(host, request));
    }
    return Trends.merge(request, parts);
  }

  /**
   * The counts of the keys this instance owns (what peers ask for).
   *
   * @throws TrendsUnavailable while Streams is not RUNNING
   */
  @Override
  public Trends queryLocal(TrendsRequest request) {
    requireRunning();
    return Trends.merge(request, local(request));
  }

  private void requireRunning() {
    KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING) {
      throw new TrendsUnavailable("Kafka Streams is " + state + ", not RUNNING; try again shortly");
    }
  }

  private HostInfo owner(TrendsRequest request, TrendKey key) {
    KeyQueryMetadata metadata =
        streams.queryMetadataForKey(
            request.window().store(), key.encoded(), Serdes.String().serializer());
    if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      throw new TrendsUnavailable("the owner of " + key.encoded() + " is not known yet");
    }
    return metadata.activeHost();
  }

  private List<HostInfo> hosts(TrendsRequest request) {
    Collection<StreamsMetadata> all = streams.streamsMetadataForStore(request.window().store());
    List<HostInfo> hosts = new ArrayList<>();
    all.stream()
        .filter(m -> m.stateStoreNames().contains(request.window().store()))
        .map(StreamsMetadata::hostInfo)
        .distinct()
        .forEach(hosts::add);
    return hosts.isEmpty() && self != null ? List.of(self) : hosts;
  }

  private List<TrendSeries> local(TrendsRequest request) {
    Instant firstStart = request.from().minus(request.window().size()).plusMillis(1);
    Instant lastStart = request.to().minusMillis(1);
    if (firstStart.isBefore(Instant.EPOCH)) {
      firstStart = Instant.EPOCH;
    }
    try {
      ReadOnlyWindowStore<String, Long> store =
          streams.store(
              StoreQueryParameters.fromNameAndType(
                  request.window().store(), QueryableStoreTypes.<String, Long>windowStore()));
      TrendKey key = request.key();
      return key != null
          ? one(store, key, firstStart, lastStart)
          : all(store, request, firstStart, lastStart);
    } catch (InvalidStateStoreException e) {
      throw new TrendsUnavailable(
          "store " + request.window().store() + " is not queryable now: " + e.getMessage(), e);
    }
  }

  private static List<TrendSeries> one(
      ReadOnlyWindowStore<String, Long> store, TrendKey key, Instant first, Instant last) {
    List<TrendSeries.Point> points = new ArrayList<>();
    try (WindowStoreIterator<Long> it = store.fetch(key.encoded(), first, last)) {
      it.forEachRemaining(
          kv -> points.add(new TrendSeries.Point(Instant.ofEpochMilli(kv.key), kv.value)));
    }
    return points.isEmpty()
        ? List.of()
        : List.of(new TrendSeries(key.company(), key.type(), points));
  }

  private static List<TrendSeries> all(
      ReadOnlyWindowStore<String, Long> store, TrendsRequest request, Instant first, Instant last) {
    Map<TrendKey, List<TrendSeries.Point>> byKey = new LinkedHashMap<>();
    try (KeyValueIterator<Windowed<String>, Long> it = store.fetchAll(first, last)) {
      while (it.hasNext()) {
        KeyValue<Windowed<String>, Long> kv = it.next();
        TrendKey key = decodeOrNull(kv.key.key());
        if (key != null && request.matches(key)) {
          byKey
              .computeIfAbsent(key, k -> new ArrayList<>())
              .add(new TrendSeries.Point(kv.key.window().startTime(), kv.value));
        }
      }
    }
    List<TrendSeries> series = new ArrayList<>();
    byKey.forEach((k, points) -> series.add(new TrendSeries(k.company(), k.type(), points)));
    return series;
  }

  private static @Nullable TrendKey decodeOrNull(String encoded) {
    try {
      return TrendKey.decode(encoded);
    } catch (IllegalArgumentException e) {
      return null; // a type this build does not know
    }
  }
}
