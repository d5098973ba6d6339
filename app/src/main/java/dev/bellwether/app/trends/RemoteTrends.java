package dev.bellwether.app.trends;

import dev.bellwether.dashboard.trends.TrendsRoute;
import dev.bellwether.processors.trends.Trends;
import dev.bellwether.processors.trends.TrendsAnswers;
import dev.bellwether.processors.trends.TrendsRequest;
import java.net.URI;

/**
 * Trends answered by a processors instance over HTTP, for a role that holds no counts itself
 * ({@code bellwether web}): each question goes to {@code GET /api/trends} at {@code base}, which
 * asks its peers as needed. Same timeouts and size bound as between instances.
 */
public final class RemoteTrends implements TrendsAnswers {
  private final URI base;
  private final HttpTrendsPeers http = new HttpTrendsPeers();

  /** {@code base}: the processors' ops server, e.g. {@code http://process:8080}. */
  public RemoteTrends(URI base) {
    String scheme = base.getScheme();
    if (base.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
      throw new IllegalArgumentException(
          "the processors' address must be an http(s) URL such as http://process:8080, not '"
              + base
              + "'");
    }
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
  }

  @Override
  public Trends query(TrendsRequest request) {
    URI uri = URI.create(base + TrendsRoute.PATH + "?" + request.toQueryString());
    return new Trends(
        request.window(), request.from(), request.to(), http.get(uri, "the processors at " + base));
  }

  /** This role holds no keys of its own: the whole answer. */
  @Override
  public Trends queryLocal(TrendsRequest request) {
    return query(request);
  }
}
