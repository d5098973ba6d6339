package dev.bellwether.ingest.page;

import dev.bellwether.extract.ArticleExtractor;
import dev.bellwether.extract.ExtractedArticle;
import dev.bellwether.extract.PageDecoding;
import dev.bellwether.ingest.http.FetchException;
import dev.bellwether.ingest.http.FetchResult;
import dev.bellwether.ingest.http.HostResolver;
import dev.bellwether.ingest.http.HostThrottle;
import dev.bellwether.ingest.http.HttpResponseData;
import dev.bellwether.ingest.http.PolitenessSettings;
import dev.bellwether.ingest.http.RedactedUrl;
import dev.bellwether.ingest.http.RetryAfter;
import dev.bellwether.ingest.http.RobotsCache;
import dev.bellwether.ingest.http.RobotsVerdict;
import dev.bellwether.ingest.http.SafeHttpClient;
import dev.bellwether.ingest.http.Validators;
import dev.bellwether.schemas.avro.FeedItem;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the page of one item, politely: the host must resolve, robots.txt must allow the page
 * ({@link RobotsCache}), the host's rate limit must give a turn ({@link HostThrottle}, the same
 * per-host token bucket and Crawl-delay handling the pollers use), then one GET with {@link
 * SafeHttpClient}'s limits, decoding ({@link PageDecoding}) and extraction ({@link
 * ArticleExtractor}). Never throws: whatever goes wrong becomes a {@link PageOutcome.Fallback}.
 * Thread-safe; pages of different items are read concurrently.
 */
final class PageReader {
  private static final Logger log = LoggerFactory.getLogger(PageReader.class);
  private static final Set<String> HTML_TYPES =
      Set.of("text/html", "application/xhtml+xml", "text/plain", "application/octet-stream");

  private final SafeHttpClient http;
  private final @Nullable RobotsCache robots;
  private final HostThrottle throttle;
  private final PolitenessSettings politeness;
  private final HostResolver resolver;
  private final ArticleExtractor extractor = new ArticleExtractor();
  private final Clock clock;
  private final boolean allowPrivate;

  private final @Nullable String secUserAgent;

  /** SEC's own User-Agent rule for sec.gov pages; the client's default (null) elsewhere. */
  static @Nullable String userAgentFor(URI url, @Nullable String secUserAgent) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(java.util.Locale.ROOT);
    return host.equals("sec.gov") || host.endsWith(".sec.gov") ? secUserAgent : null;
  }

  PageReader(
      SafeHttpClient http,
      PolitenessSettings politeness,
      HostResolver resolver,
      Clock clock,
      boolean allowPrivate) {
    this(http, politeness, resolver, clock, allowPrivate, null);
  }

  PageReader(
      SafeHttpClient http,
      PolitenessSettings politeness,
      HostResolver resolver,
      Clock clock,
      boolean allowPrivate,
      @Nullable String secUserAgent) {
    this.secUserAgent = secUserAgent;
    this.http = http;
    this.politeness = politeness;
    this.robots =
        politeness.obeyRobots()
            ? new RobotsCache(http, clock, politeness.robotsTtl(), politeness.robotsFailureTtl())
            : null;
    this.throttle = new HostThrottle(politeness);
    this.resolver = resolver;
    this.clock = clock;
    this.allowPrivate = allowPrivate;
  }

  /**
   * Reads the page {@code item} links to.
   *
   * @param deadline when the answer is needed: a host whose rate limit gives no turn early enough
   *     to finish a fetch by then is not asked
   */
  PageOutcome read(FeedItem item, Instant deadline) {
    long start = System.nanoTime();
    PageOutcome outcome;
    try {
      outcome = readLink(item, deadline, start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = fallback(FallbackReason.interrupted(), start);
    } catch (RuntimeException e) {
      log.error("item {} {}: reading the page failed unexpectedly", item.getId(), item.getUrl(), e);
      outcome = fallback(FallbackReason.internal(e), start);
    }
    if (outcome instanceof PageOutcome.Fallback f) {
      log.info(
          "item {} {}: text from the feed summary: {}",
          item.getId(),
          item.getUrl(),
          f.reason().sentence());
    }
    return outcome;
  }

  private PageOutcome readLink(FeedItem item, Instant deadline, long start)
      throws InterruptedException {
    URI url = link(item.getUrl());
    if (url == null) {
      return fallback(FallbackReason.badLink(), start);
    }
    FallbackReason refusal = politeRefusal(url, deadline);
    if (refusal != null) {
      return fallback(refusal, start);
    }
    try {
      FetchResult result =
          http.fetch(url, Validators.none(), allowPrivate, userAgentFor(url, secUserAgent));
      if (!(result instanceof HttpResponseData response)) {
        throw new IllegalStateException("304 Not Modified to an unconditional GET");
      }
      return page(item, response, start);
    } catch (FetchException e) {
      pauseOnRetryAfter(url.getHost(), e);
      return fallback(reasonFor(e), start);
    }
  }

  /** Why the page must not be fetched now, or null if it may be. */
  private @Nullable FallbackReason politeRefusal(URI url, Instant deadline)
      throws InterruptedException {
    String host = url.getHost();
    if (!resolves(host)) {
      return FallbackReason.cannotResolve(host);
    }
    try {
      if (robots != null) {
        RobotsVerdict verdict = robots.requireAllowed(url, allowPrivate);
        if (verdict.crawlDelay() != null) {
          throttle.crawlDelay(host, verdict.crawlDelay());
        }
      }
    } catch (FetchException e) {
      return reasonFor(e);
    }
    return awaitTurn(host, deadline.minus(http.settings().requestTimeout()));
  }

  /** Waits for the host's turn; a reason to give up if it would come after {@code latest}. */
  private @Nullable FallbackReason awaitTurn(String host, Instant latest)
      throws InterruptedException {
    while (true) {
      Optional<Instant> later = throttle.tryAcquire(host, clock.instant());
      if (later.isEmpty()) {
        return null;
      }
      if (later.get().isAfter(latest)) {
        return FallbackReason.hostBusy(host);
      }
      long millis = Duration.between(clock.instant(), later.get()).toMillis();
      Thread.sleep(Math.max(1, millis));
    }
  }

  private PageOutcome page(FeedItem item, HttpResponseData response, long start) {
    String type = mediaType(response.contentType());
    if (!type.isEmpty() && !HTML_TYPES.contains(type)) {
      return fallback(FallbackReason.notHtml(type), start);
    }
    PageDecoding.Decoded decoded = PageDecoding.decode(response.body(), response.contentType());
    if (decoded.note() != null) {
      log.info("item {} {}: {}", item.getId(), RedactedUrl.of(response.finalUrl()), decoded.note());
    }
    ExtractedArticle article = extractor.extract(decoded.text(), response.finalUrl());
    if (!article.readerable() || article.text().isBlank()) {
      return fallback(FallbackReason.notAnArticle(), start);
    }
    log.debug("item {} {}: page read", item.getId(), RedactedUrl.of(response.finalUrl()));
    return new PageOutcome.Page(article, response.body().length, since(start));
  }

  private FallbackReason reasonFor(FetchException e) {
    return FallbackReason.of(e, http.settings().requestTimeout(), http.settings().maxBodyBytes());
  }

  /** A 429 or 503 with Retry-After pauses the host for the pollers' longest allowed wait. */
  private void pauseOnRetryAfter(String host, FetchException e) {
    Instant now = clock.instant();
    RetryAfter.parse(e.retryAfter(), now)
        .ifPresent(
            until -> {
              Instant cap = now.plus(politeness.maxRetryAfter());
              throttle.pauseUntil(host, until.isAfter(cap) ? cap : until);
            });
  }

  private boolean resolves(String host) {
    try {
      return !resolver.resolve(host).isEmpty();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static @Nullable URI link(String url) {
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean web = scheme.equals("http") || scheme.equals("https");
      return web && uri.getHost() != null ? uri : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static String mediaType(@Nullable String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT);
  }

  private static PageOutcome.Fallback fallback(FallbackReason reason, long start) {
    return new PageOutcome.Fallback(reason, since(start));
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
