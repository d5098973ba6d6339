package dev.bellwether.ingest.poll;

import dev.bellwether.ingest.feed.FeedEntry;
import dev.bellwether.ingest.feed.FeedItemMapper;
import dev.bellwether.ingest.feed.FeedParseException;
import dev.bellwether.ingest.feed.FeedParser;
import dev.bellwether.ingest.http.FetchException;
import dev.bellwether.ingest.http.FetchResult;
import dev.bellwether.ingest.http.HttpResponseData;
import dev.bellwether.ingest.http.SafeHttpClient;
import dev.bellwether.ingest.http.Validators;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.schemas.avro.FeedItem;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Polls one RSS or Atom source: a conditional GET with the validators remembered for it, then
 * parsing and mapping to {@link FeedItem}s. Never throws for a bad source: failures come back as
 * {@link PollResult.Failed}. Thread-safe; polls of different sources may run concurrently.
 */
public final class FeedPoller {
  /** The most bytes of a failed document kept for the dead-letter topic. */
  public static final int MAX_ORIGINAL_BYTES = 64 * 1024;

  private record Remembered(URI url, Validators validators) {}

  private final SafeHttpClient http;
  private final FeedParser parser;
  private final Clock clock;
  private final boolean allowPrivate;
  private final Map<String, Remembered> validators = new ConcurrentHashMap<>();

  /**
   * @param allowPrivate the ceiling for all sources: a source reaches private addresses only if
   *     both this and its own {@link SourceDefinition#allowPrivate()} are true
   */
  public FeedPoller(SafeHttpClient http, FeedParser parser, Clock clock, boolean allowPrivate) {
    this.http = http;
    this.parser = parser;
    this.clock = clock;
    this.allowPrivate = allowPrivate;
  }

  public PollResult poll(SourceDefinition source) {
    FetchResult fetched;
    try {
      fetched =
          http.fetch(source.url(), validatorsFor(source), allowPrivate && source.allowPrivate());
    } catch (FetchException e) {
      return httpFailure(source, e);
    }
    if (fetched instanceof FetchResult.NotModified) {
      validators.put(source.id(), new Remembered(source.url(), fetched.validators()));
      return new PollResult.NotModified(source);
    }
    return parse(source, (HttpResponseData) fetched);
  }

  /** Keeps the validators of {@code fetched} for the next poll; call once its items are safe. */
  public void remember(PollResult.Fetched fetched) {
    validators.put(
        fetched.source().id(), new Remembered(fetched.source().url(), fetched.validators()));
  }

  /** Drops what is remembered about a source that is gone or no longer ours. */
  public void forget(String sourceId) {
    validators.remove(sourceId);
  }

  /** The validators the next poll of {@code source} sends; none if its URL changed. */
  public Validators validatorsFor(SourceDefinition source) {
    Remembered remembered = validators.get(source.id());
    return remembered != null && remembered.url().equals(source.url())
        ? remembered.validators()
        : Validators.none();
  }

  private PollResult parse(SourceDefinition source, HttpResponseData response) {
    List<FeedEntry> entries;
    try {
      entries = parser.parse(response.body(), response.contentType(), response.finalUrl());
    } catch (FeedParseException e) {
      byte[] body = response.body();
      return new PollResult.Failed(
          source,
          PollResult.Failed.STAGE_FEED,
          "PARSE",
          e.getMessage(),
          false,
          Arrays.copyOf(body, Math.min(body.length, MAX_ORIGINAL_BYTES)),
          body.length);
    }
    Instant discovered = clock.instant();
    Map<String, FeedItem> items = new LinkedHashMap<>();
    for (FeedEntry entry : entries) {
      FeedItem item = FeedItemMapper.toAvro(entry, source, discovered);
      items.putIfAbsent(item.getId(), item);
    }
    return new PollResult.Fetched(
        source,
        response.finalUrl(),
        response.status(),
        List.copyOf(items.values()),
        response.validators());
  }

  private static PollResult httpFailure(SourceDefinition source, FetchException e) {
    byte[] body = e.body();
    return new PollResult.Failed(
        source,
        PollResult.Failed.STAGE_HTTP,
        e.kind().name(),
        e.getMessage(),
        e.retriable(),
        Arrays.copyOf(body, Math.min(body.length, MAX_ORIGINAL_BYTES)),
        body.length);
  }
}
