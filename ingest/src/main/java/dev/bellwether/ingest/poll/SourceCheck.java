package dev.bellwether.ingest.poll;

import dev.bellwether.ingest.http.FetchException;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.ingest.source.SourcesFile;
import dev.bellwether.ingest.work.Threads;
import dev.bellwether.schemas.avro.FeedItem;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Polls every source of a sources file once and says, per source, whether it answered and parsed:
 * what {@code bellwether sources check} prints. Politely: the poller obeys robots.txt, and the
 * sources of one host are polled one after the other, {@link #HOST_GAP} apart or the host's {@code
 * Crawl-delay} (at most {@code maxCrawlDelay}); several hosts are polled at once.
 */
public final class SourceCheck {
  /** The least time between two requests to one host. */
  public static final Duration HOST_GAP = Duration.ofSeconds(1);

  /** What became of one source. */
  public enum Verdict {
    /** It answered and parsed. */
    OK,
    /** It did not answer, or its answer did not parse; {@link Outcome#failure()} says how. */
    FAILED,
    /** It is defined but not polled ({@link SourcesFile#off()}); {@link Outcome#why()} says why. */
    OFF
  }

  /**
   * One source's check.
   *
   * @param httpStatus the status the server answered with; 0 when there was no answer (refused by
   *     robots.txt or policy, timed out, unreachable) or the source is off
   * @param time robots.txt, fetch and parsing together
   * @param items the distinct items found
   * @param newest the newest item's publication date, if any item has one
   * @param failure for {@link Verdict#FAILED}: {@code robots} (robots.txt disallows it), {@code
   *     robots-unreadable} (robots.txt could not be read, which defers visits: the host is down,
   *     refuses connections or answers robots.txt with 5xx), {@code http-status}, {@code
   *     not-a-feed}, {@code selector}, {@code parse}, {@code timeout}, {@code unreachable}, {@code
   *     blocked-address}, {@code too-large}, {@code too-many-redirects}, {@code bad-scheme} or
   *     {@code internal}
   * @param why one sentence for a failure or an off source; a note such as an empty feed for an OK
   *     one; otherwise null
   */
  public record Outcome(
      String id,
      String type,
      String name,
      URI url,
      Verdict verdict,
      int httpStatus,
      Duration time,
      int items,
      @Nullable Instant newest,
      @Nullable String failure,
      @Nullable String why) {
    public Outcome {
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(time, "time");
    }

    public boolean failed() {
      return verdict == Verdict.FAILED;
    }
  }

  private final FeedPoller poller;
  private final Duration hostGap;
  private final Duration maxCrawlDelay;
  private final int parallelHosts;

  /**
   * @param poller the poller, with robots.txt obeyed (the check is as polite as the ingest role)
   * @param hostGap the least time between two sources of one host ({@link #HOST_GAP})
   * @param maxCrawlDelay the longest {@code Crawl-delay} waited for between two sources of a host
   * @param parallelHosts how many hosts are polled at once, at least 1
   */
  public SourceCheck(
      FeedPoller poller, Duration hostGap, Duration maxCrawlDelay, int parallelHosts) {
    if (parallelHosts < 1) {
      throw new IllegalArgumentException("parallelHosts must be at least 1: " + parallelHosts);
    }
    this.poller = Objects.requireNonNull(poller, "poller");
    this.hostGap = Objects.requireNonNull(hostGap, "hostGap");
    this.maxCrawlDelay = Objects.requireNonNull(maxCrawlDelay, "maxCrawlDelay");
    this.parallelHosts = parallelHosts;
  }

  /**
   * Checks every source of {@code file}, the off ones included, and returns the outcomes in file
   * order (polled sources first, then off ones); {@code progress} hears each outcome as it comes,
   * from the checking threads.
   */
  public List<Outcome> check(SourcesFile file, Consumer<Outcome> progress)
      throws InterruptedException {
    Map<String, List<SourceDefinition>> byHost = new LinkedHashMap<>();
    for (SourceDefinition source : file.sources()) {
      String host = Objects.requireNonNullElse(source.url().getHost(), "").toLowerCase(Locale.ROOT);
      byHost.computeIfAbsent(host, h -> new ArrayList<>()).add(source);
    }
    Map<String, Outcome> outcomes = Collections.synchronizedMap(new LinkedHashMap<>());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(parallelHosts, byHost.size())),
            Threads.daemons("bellwether-sources-check-"));
    try {
      List<Future<?>> hosts = new ArrayList<>();
      for (List<SourceDefinition> sources : byHost.values()) {
        hosts.add(pool.submit(() -> checkHost(sources, outcomes, progress)));
      }
      for (Future<?> host : hosts) {
        await(host);
      }
    } finally {
      pool.shutdownNow();
    }
    List<Outcome> inOrder = new ArrayList<>();
    for (SourceDefinition source : file.sources()) {
      inOrder.add(Objects.requireNonNull(outcomes.get(source.id())));
    }
    for (SourcesFile.Off off : file.off()) {
      Outcome outcome =
          new Outcome(
              off.id(),
              off.type(),
              off.name(),
              off.url(),
              Verdict.OFF,
              0,
              Duration.ZERO,
              0,
              null,
              null,
              off.reason());
      progress.accept(outcome);
      inOrder.add(outcome);
    }
    return inOrder;
  }

  private void checkHost(
      List<SourceDefinition> sources, Map<String, Outcome> outcomes, Consumer<Outcome> progress) {
    Duration wait = Duration.ZERO;
    for (SourceDefinition source : sources) {
      if (!wait.isZero() && !Threads.sleep(wait)) {
        return;
      }
      PollAttempt attempt = attempt(source);
      Outcome outcome = outcome(attempt);
      outcomes.put(source.id(), outcome);
      progress.accept(outcome);
      Duration crawlDelay = attempt.crawlDelay();
      wait =
          crawlDelay == null || crawlDelay.compareTo(hostGap) < 0
              ? hostGap
              : crawlDelay.compareTo(maxCrawlDelay) > 0 ? maxCrawlDelay : crawlDelay;
    }
  }

  /** The poll; a bug in reading one source fails that source ({@code internal}), not the check. */
  private PollAttempt attempt(SourceDefinition source) {
    Instant started = Instant.now();
    try {
      return poller.attempt(source);
    } catch (RuntimeException e) {
      return PollAttempt.unexpected(source, e, started);
    }
  }

  private static void await(Future<?> host) throws InterruptedException {
    try {
      host.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("checking a host failed", e.getCause());
    }
  }

  /** The outcome of one poll. */
  static Outcome outcome(PollAttempt attempt) {
    PollResult result = attempt.result();
    SourceDefinition source = result.source();
    if (result instanceof PollResult.Fetched fetched) {
      return fetched(source, fetched, attempt.latency());
    }
    if (result instanceof PollResult.Failed failed) {
      return new Outcome(
          source.id(),
          source.type(),
          source.name(),
          source.url(),
          Verdict.FAILED,
          failed.status(),
          attempt.latency(),
          0,
          null,
          failure(source, failed),
          failed.reason());
    }
    return new Outcome( // not modified: the check sends no validators, so only a proxy says this
        source.id(),
        source.type(),
        source.name(),
        source.url(),
        Verdict.OK,
        304,
        attempt.latency(),
        0,
        null,
        null,
        "not modified since the last poll");
  }

  private static Outcome fetched(SourceDefinition source, PollResult.Fetched fetched, Duration t) {
    Instant newest = null;
    for (FeedItem item : fetched.items()) {
      Instant published = item.getPublished();
      if (published != null && (newest == null || published.isAfter(newest))) {
        newest = published;
      }
    }
    String note =
        fetched.items().isEmpty()
            ? "it answered and parsed but lists no items"
            : newest == null ? "no item has a date" : null;
    return new Outcome(
        source.id(),
        source.type(),
        source.name(),
        source.url(),
        Verdict.OK,
        fetched.status(),
        t,
        fetched.items().size(),
        newest,
        null,
        note);
  }

  /** The failure's kind in the words of {@link Outcome#failure()}. */
  static String failure(SourceDefinition source, PollResult.Failed failed) {
    if (PollResult.Failed.STAGE_FEED.equals(failed.stage())) {
      return switch (source.type()) {
        case SourceDefinition.RSS -> "not-a-feed";
        case SourceDefinition.HTML ->
            failed.reason().contains(" selector '") ? "selector" : "parse";
        default -> "parse";
      };
    }
    FetchException.Kind kind;
    try {
      kind = FetchException.Kind.valueOf(failed.kind());
    } catch (IllegalArgumentException e) {
      return "internal";
    }
    return switch (kind) {
      case ROBOTS_DISALLOWED -> failed.retriable() ? "robots-unreadable" : "robots";
      case HTTP_STATUS -> "http-status";
      case TIMEOUT -> "timeout";
      case IO -> "unreachable";
      case BLOCKED_ADDRESS -> "blocked-address";
      case TOO_LARGE -> "too-large";
      case TOO_MANY_REDIRECTS -> "too-many-redirects";
      case BAD_SCHEME -> "bad-scheme";
    };
  }
}
