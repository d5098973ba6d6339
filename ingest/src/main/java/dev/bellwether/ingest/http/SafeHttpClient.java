package dev.bellwether.ingest.http;

import dev.bellwether.ingest.http.FetchException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * GET for untrusted URLs. Every hop, the first and each redirect, must be http or https and (unless
 * private addresses are allowed) resolve only to public addresses; see {@link AddressPolicy}.
 * Redirects are followed here, not by the JDK, at most {@link HttpSettings#maxRedirects()}. The
 * whole fetch has one deadline; bodies are cut off while streaming once over the limit, and gzip or
 * deflate bodies are decoded under the same limit.
 *
 * <p>Known gap: the JDK client resolves the host again when it connects; a DNS answer that changes
 * between our check and its lookup (DNS rebinding) is not caught, though the JVM's address cache
 * (30 s for successful lookups by default) usually returns the answer we checked. Closing the gap
 * would mean connecting to the checked address and sending the name in the {@code Host} header;
 * {@code java.net.http} refuses a {@code Host} header unless {@code
 * jdk.httpclient.allowRestrictedHeaders} is set JVM-wide, and for https it would then check the
 * certificate and send SNI for the address instead of the name, so we do not. Deployments that need
 * the guarantee should route fetches through an egress proxy that enforces the same policy.
 *
 * <p>Thread-safe; share one instance.
 */
public final class SafeHttpClient {
  /** How much of an error page is kept for diagnosis. */
  static final int ERROR_BODY_SAMPLE = 64 * 1024;

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final String ACCEPT =
      "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9,"
          + " */*;q=0.5";

  private final HttpSettings settings;
  private final HostResolver resolver;
  private final HttpClient client;

  public SafeHttpClient(HttpSettings settings) {
    this(settings, HostResolver.SYSTEM);
  }

  public SafeHttpClient(HttpSettings settings, HostResolver resolver) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public HttpSettings settings() {
    return settings;
  }

  /**
   * Fetches {@code url}, sending {@code validators} as a conditional request.
   *
   * @param allowPrivate whether loopback and private addresses may be reached
   * @return the body, or {@link FetchResult.NotModified} on 304
   * @throws FetchException for any failure, including non-2xx statuses
   */
  public FetchResult fetch(URI url, Validators validators, boolean allowPrivate) {
    return fetch(url, validators, allowPrivate, null);
  }

  /**
   * Fetches {@code url} as {@link #fetch(URI, Validators, boolean)} does, identifying as {@code
   * userAgent} instead of the configured User-Agent when one is given (SEC EDGAR requires a
   * User-Agent naming the requester and a contact address).
   */
  public FetchResult fetch(
      URI url, Validators validators, boolean allowPrivate, @Nullable String userAgent) {
    return fetch(url, validators, allowPrivate, userAgent, settings.maxBodyBytes());
  }

  /**
   * Fetches {@code url} as {@link #fetch(URI, Validators, boolean, String)} does, accepting at most
   * {@code maxBodyBytes} (before and after decompression) if that is below the configured limit:
   * for small documents such as robots.txt.
   */
  public FetchResult fetch(
      URI url,
      Validators validators,
      boolean allowPrivate,
      @Nullable String userAgent,
      long maxBodyBytes) {
    String agent = userAgent == null ? settings.userAgent() : userAgent;
    long limit = Math.min(maxBodyBytes, settings.maxBodyBytes());
    long deadline = System.nanoTime() + settings.requestTimeout().toNanos();
    URI current = url;
    for (int redirects = 0; ; redirects++) {
      checkDestination(current, allowPrivate);
      HttpResponse<byte[]> response = send(current, validators, agent, deadline, limit);
      int status = response.statusCode();
      if (!REDIRECTS.contains(status)) {
        return result(response, current, validators, limit);
      }
      if (redirects >= settings.maxRedirects()) {
        throw new FetchException(
            Kind.TOO_MANY_REDIRECTS,
            current,
            "more than " + settings.maxRedirects() + " redirects");
      }
      current = location(response, current);
    }
  }

  private FetchResult result(HttpResponse<byte[]> response, URI url, Validators sent, long limit) {
    int status = response.statusCode();
    Validators fresh = Validators.from(response.headers());
    if (status == 304) {
      return new FetchResult.NotModified(url, sent.updatedBy(fresh));
    }
    if (status < 200 || status > 299) {
      String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
      throw FetchException.status(url, status, response.body(), retryAfter);
    }
    String encoding = response.headers().firstValue("Content-Encoding").orElse(null);
    byte[] body = ContentDecoding.decode(response.body(), encoding, limit, url);
    String contentType = response.headers().firstValue("Content-Type").orElse(null);
    return new HttpResponseData(status, body, contentType, fresh, url);
  }

  /** Refuses non-http(s) URLs, and private destinations unless allowed. */
  private void checkDestination(URI url, boolean allowPrivate) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(Kind.BAD_SCHEME, url, "only http and https URLs are fetched");
    }
    String host = url.getHost();
    if (host == null || host.isEmpty()) {
      throw new FetchException(Kind.BAD_SCHEME, url, "the URL names no host");
    }
    if (allowPrivate) {
      return;
    }
    for (InetAddress address : resolve(url, host)) {
      if (AddressPolicy.isBlocked(address)) {
        throw new FetchException(
            Kind.BLOCKED_ADDRESS,
            url,
            "host "
                + host
                + " resolves to the private or loopback address "
                + address.getHostAddress()
                + ", and private addresses are not allowed");
      }
    }
  }

  private List<InetAddress> resolve(URI url, String host) {
    try {
      return resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new FetchException(Kind.IO, url, "cannot resolve host " + host, e);
    }
  }

  private HttpResponse<byte[]> send(
      URI url, Validators validators, String userAgent, long deadline, long limit) {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw timeout(url, null);
    }
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(
            request(url, validators, userAgent, remaining), info -> bodySubscriber(info, limit));
    try {
      return future.get(remaining, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw timeout(url, e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new FetchException(Kind.IO, url, "interrupted while fetching", e);
    } catch (ExecutionException e) {
      throw translate(url, e.getCause() == null ? e : e.getCause());
    }
  }

  private HttpRequest request(
      URI url, Validators validators, String userAgent, long remainingNanos) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .GET()
            .timeout(Duration.ofNanos(remainingNanos))
            .header("User-Agent", userAgent)
            .header("Accept", ACCEPT)
            .header("Accept-Encoding", "gzip, deflate");
    if (validators.etag() != null) {
      request.header("If-None-Match", validators.etag());
    }
    if (validators.lastModified() != null) {
      request.header("If-Modified-Since", validators.lastModified());
    }
    return request.build();
  }

  private static HttpResponse.BodySubscriber<byte[]> bodySubscriber(ResponseInfo info, long limit) {
    if (info.statusCode() < 200 || info.statusCode() > 299) {
      return BoundedBodySubscriber.truncatingAt(ERROR_BODY_SAMPLE);
    }
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    return declared > limit
        ? BoundedBodySubscriber.alreadyTooLarge(limit)
        : BoundedBodySubscriber.failingAbove(limit);
  }

  private static URI location(HttpResponse<byte[]> response, URI current) {
    String location = response.headers().firstValue("Location").orElse(null);
    if (location == null) {
      throw FetchException.status(current, response.statusCode(), response.body(), null);
    }
    try {
      return current.resolve(location.trim());
    } catch (IllegalArgumentException e) {
      throw new FetchException(Kind.IO, current, "invalid redirect Location '" + location + "'");
    }
  }

  private static FetchException translate(URI url, Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof FetchException) {
        return (FetchException) t;
      }
      if (t instanceof BoundedBodySubscriber.LimitExceeded) {
        return new FetchException(Kind.TOO_LARGE, url, t.getMessage(), t);
      }
      if (t instanceof HttpTimeoutException) {
        return timeout(url, t);
      }
    }
    if (error instanceof ConnectException) {
      return new FetchException(Kind.IO, url, "cannot connect to " + authority(url), error);
    }
    String message = error.getMessage() == null ? error.toString() : error.getMessage();
    if (error instanceof IOException) {
      return new FetchException(Kind.IO, url, "I/O error: " + message, error);
    }
    return new FetchException(Kind.IO, url, "fetch failed: " + message, error);
  }

  private static String authority(URI url) {
    return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
  }

  private static FetchException timeout(URI url, @Nullable Throwable cause) {
    return new FetchException(Kind.TIMEOUT, url, "timed out fetching from " + url.getHost(), cause);
  }
}
