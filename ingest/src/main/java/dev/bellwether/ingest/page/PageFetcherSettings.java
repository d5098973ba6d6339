package dev.bellwether.ingest.page;

import dev.bellwether.ingest.http.HttpSettings;
import dev.bellwether.ingest.http.PolitenessSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link PageFetcher} runs.
 *
 * @param instanceId names this instance among the fetchers of a cluster; its transactional id is
 *     {@code bellwether-fetch-<instanceId>}, so it must be unique among running instances and the
 *     same across restarts of one instance (a restarted instance then fences its old self)
 * @param threads pages fetched at once
 * @param maxBatch items consumed and written per transaction ({@code max.poll.records})
 * @param batchTime the longest a batch's fetches may take; a fetch not finished by then falls back
 *     to the feed summary. The consumer's {@code max.poll.interval.ms} is set well above it
 * @param allowPrivate whether pages on loopback and private addresses may be fetched
 * @param http the HTTP client's limits: time per fetch, body size, redirects
 * @param politeness robots.txt, per-host rates and Retry-After, as for the pollers
 */
public record PageFetcherSettings(
    String instanceId,
    int threads,
    int maxBatch,
    Duration batchTime,
    boolean allowPrivate,
    HttpSettings http,
    PolitenessSettings politeness,
    @Nullable String secUserAgent) {

  private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  public PageFetcherSettings {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(batchTime, "batchTime");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(politeness, "politeness");
    if (!INSTANCE_ID.matcher(instanceId).matches()) {
      throw new IllegalArgumentException(
          "instance id must be 1 to 100 letters, digits, '.', '_' or '-': '" + instanceId + "'");
    }
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("threads must be between 1 and 64: " + threads);
    }
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be positive: " + maxBatch);
    }
    if (batchTime.compareTo(http.requestTimeout()) < 0) {
      throw new IllegalArgumentException(
          "batchTime " + batchTime + " is shorter than one fetch's " + http.requestTimeout());
    }
  }

  /**
   * Settings for the fetcher named {@code instanceId}, by default with 6 threads, 20 items per
   * batch, 2 minutes per batch, no private addresses, the HTTP client's defaults (30 s per fetch,
   * 10 MiB), the pollers' politeness (robots.txt, one request per second per host) and no EDGAR
   * User-Agent.
   */
  public static Builder builder(String instanceId) {
    return new Builder(instanceId);
  }

  /** A builder starting from these settings. */
  public Builder newBuilder() {
    return new Builder(instanceId)
        .threads(threads)
        .maxBatch(maxBatch)
        .batchTime(batchTime)
        .allowPrivate(allowPrivate)
        .http(http)
        .politeness(politeness)
        .secUserAgent(secUserAgent);
  }

  /** Builds {@link PageFetcherSettings}; each setter replaces one default. */
  public static final class Builder {
    private final String instanceId;
    private int threads = 6;
    private int maxBatch = 20;
    private Duration batchTime = Duration.ofMinutes(2);
    private boolean allowPrivate;
    private HttpSettings http = HttpSettings.defaults();
    private PolitenessSettings politeness = PolitenessSettings.defaults();
    private @Nullable String secUserAgent;

    private Builder(String instanceId) {
      this.instanceId = instanceId;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public Builder maxBatch(int maxBatch) {
      this.maxBatch = maxBatch;
      return this;
    }

    public Builder batchTime(Duration batchTime) {
      this.batchTime = batchTime;
      return this;
    }

    public Builder allowPrivate(boolean allowPrivate) {
      this.allowPrivate = allowPrivate;
      return this;
    }

    public Builder http(HttpSettings http) {
      this.http = http;
      return this;
    }

    public Builder politeness(PolitenessSettings politeness) {
      this.politeness = politeness;
      return this;
    }

    /**
     * The User-Agent for pages on sec.gov, which SEC requires to name the requester and a contact
     * address (the same one the {@code edgar} sources use); null sends the default User-Agent.
     */
    public Builder secUserAgent(@Nullable String userAgent) {
      this.secUserAgent = userAgent;
      return this;
    }

    /** The settings; refused with {@link IllegalArgumentException} if they do not fit together. */
    public PageFetcherSettings build() {
      return new PageFetcherSettings(
          instanceId, threads, maxBatch, batchTime, allowPrivate, http, politeness, secUserAgent);
    }
  }

  /** The transactional id of this instance's producer. */
  public String transactionalId() {
    return PageFetcher.GROUP_ID + "-" + instanceId;
  }

  /** Like the record's, but never shows the EDGAR User-Agent, which names a contact. */
  @Override
  public String toString() {
    return "PageFetcherSettings[instanceId="
        + instanceId
        + ", threads="
        + threads
        + ", maxBatch="
        + maxBatch
        + ", batchTime="
        + batchTime
        + ", allowPrivate="
        + allowPrivate
        + ", http="
        + http
        + ", politeness="
        + politeness
        + ", secUserAgent="
        + (secUserAgent == null ? "none" : "(set)")
        + "]";
  }
}
