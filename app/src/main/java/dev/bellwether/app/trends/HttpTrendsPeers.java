package dev.bellwether.app.trends;

import dev.bellwether.dashboard.trends.TrendsJson;
import dev.bellwether.dashboard.trends.TrendsRoute;
import dev.bellwether.processors.trends.TrendsPeers;
import dev.bellwether.processors.trends.TrendsRequest;
import dev.bellwether.processors.trends.TrendsUnavailable;
import dev.bellwether.schemas.TrendSeries;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance for the counts in its own stores ({@code GET /api/trends?...&local=true} on
 * its ops server), with short timeouts and a bounded answer.
 */
public final class HttpTrendsPeers implements TrendsPeers {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Override
  public List<TrendSeries> fetch(HostInfo peer, TrendsRequest request) {
    return get(
        URI.create(
            "http://"
                + hostPort(peer)
                + TrendsRoute.PATH
                + "?"
                + request.toQueryString()
                + "&local=true"),
        "instance " + hostPort(peer));
  }

  /** The series {@code uri} answers, or {@link TrendsUnavailable} naming {@code who}. */
  List<TrendSeries> get(URI uri, String who) {
    try {
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      String body = bounded(response.body());
      if (response.statusCode() != 200) {
        throw new TrendsUnavailable(who + " answered " + response.statusCode() + ": " + body);
      }
      return TrendsJson.readSeries(body);
    } catch (IOException | IllegalArgumentException e) {
      throw new TrendsUnavailable(who + " did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrendsUnavailable("interrupted while asking " + who, e);
    }
  }

  private static String bounded(InputStream in) throws IOException {
    try (in) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new IOException("answer larger than " + MAX_BODY_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static String hostPort(HostInfo host) {
    String h = host.host().contains(":") ? "[" + host.host() + "]" : host.host();
    return h + ":" + host.port();
  }
}
