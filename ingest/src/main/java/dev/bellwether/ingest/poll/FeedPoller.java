package dev.bellwether.ingest.poll;

import dev.bellwether.ingest.feed.FeedEntry;
import dev.bellwether.ingest.feed.FeedItemMapper;
import dev.bellwether.ingest.feed.FeedParseException;
import dev.bellwether.ingest.feed.FeedParser;
import dev.bellwether.ingest.http.FetchException;
import dev.bellwether.ingest.http.FetchResult;
import dev.bellwether.ingest.http.HttpResponseData;
import dev.bellwether.ingest.http.RetryAfter;
import dev.bellwether.ingest.http.RobotsCache;
import dev.bellwether.ingest.http.SafeHttpClient;
import dev.bellwether.ingest.http.Validators;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.schemas.DeadLetters;
import dev.bellwether.schemas.avro.FeedItem;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Polls one RSS or Atom source: a conditional GET with the validators remembered for it, then
 * parsing and mapping to {@link FeedItem}s. Never throws for a bad source: failures come back as
 * {@link PollResult.Failed}. Thread-safe; polls of different sources may run concurrently.
 */
public final class FeedPoller {
  private record Remembered(URI url, Validators validators) {}

  private final SafeHttpClient http;
  private final SourceReaders readers;
  private final Clock clock;
  private final boolean allowPrivate;
  private final @Nullable RobotsCache robots;
  private final Map<String, Remembered> validators = new ConcurrentHashMap<>();

  /**
   * A poller that does not read robots.txt.
   *
   * @param allowPrivate the ceiling for all sources: a source reaches private addresses only if
   *     both this and its own {@link SourceDefinition#allowPrivate()} are true
   */
  public FeedPoller(SafeHttpClient http, FeedParser parser, Clock clock, boolean allowPrivate) {
    this(http, parser, clock, allowPrivate, null);
  }

  /**
   * @param robots robots.txt of each host, obeyed before every fetch; null to ignore robots.txt
   */
  public FeedPoller(
      SafeHttpClient http,
      FeedParser parser,
      Clock clock,
      boolean allowPrivate,
      @Nullable RobotsCache robots) {
    this.http = http;
    this.readers = SourceReaders.standard(parser);
    this.clock = clock;
    this.allowPrivate = allowPrivate;
    this.robots = robots;
  }

  public PollResult poll(SourceDefinition source) {
    return attempt(source).result();
  }

  /**
   * Polls {@code source}: robots.txt, then a conditional GET, then parsing. A URL that robots.txt
   * disallows is not fetched and fails with kind {@code ROBOTS_DISALLOWED}.
   */
  public PollAttempt attempt(SourceDefinition source) {
    Instant started = clock.instant();
    long start = System.nanoTime();
    boolean mayReachPrivate = allowPrivate && source.allowPrivate();
    Duration crawlDelay = null;
    try {
      crawlDelay =
          robots == null ? null : robots.requireAllowed(source.url(), mayReachPrivate).crawlDelay();
      FetchResult fetched = fetch(source, mayReachPrivate);
      if (fetched instanceof FetchResult.NotModified) {
        validators.put(source.id(), new Remembered(source.url(), fetched.validators()));
        return attempt(new PollResult.NotModified(source), started, start, 0, null, crawlDelay);
      }
      HttpResponseData response = (HttpResponseData) fetched;
      PollResult parsed = parse(source, response);
      return attempt(parsed, started, start, response.body().length, null, crawlDelay);
    } catch (FetchException e) {
      Instant retryAfter = RetryAfter.parse(e.retryAfter(), clock.instant()).orElse(null);
      PollResult failed = httpFailure(source, e);
      return attempt(failed, started, start, e.body().length, retryAfter, crawlDelay);
    }
  }

  private static PollAttempt attempt(
      PollResult result,
      Instant started,
      long startNanos,
      long bytes,
      @Nullable Instant retryAfter,
      @Nullable Duration crawlDelay) {
    Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);
    return new PollAttempt(result, started, latency, bytes, retryAfter, crawlDelay);
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

  /** The reader of the source's type; see {@link SourceReaders}. */
  private SourceReader reader(SourceDefinition source) {
    return readers.forType(source.type());
  }

  /** Fetches as the source's reader says: its URL, User-Agent and request budget. */
  private FetchResult fetch(SourceDefinition source, boolean mayReachPrivate) {
    SourceReader reader = reader(source);
    reader.awaitTurn(source);
    return http.fetch(
        reader.requestUrl(source),
        validatorsFor(source),
        mayReachPrivate,
        reader.userAgent(source));
  }

  private PollResult parse(SourceDefinition source, HttpResponseData response) {
    List<FeedEntry> entries;
    try {
      entries = reader(source).read(source, response);
    } catch (FeedParseException e) {
      byte[] body = response.body();
      return new PollResult.Failed(
          source,
          PollResult.Failed.STAGE_FEED,
          "PARSE",
          e.getMessage(),
          false,
          DeadLetters.kept(body),
          body.length,
          response.status());
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
        DeadLetters.kept(body),
        body.length,
        e.status());
  }
}
