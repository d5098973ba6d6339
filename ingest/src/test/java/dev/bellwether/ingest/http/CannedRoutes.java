package dev.bellwether.ingest.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * Canned answers by path for a {@link MockWebServer}, and every request it was asked. A route
 * answers its path and every path under it; the longest matching route wins, anything else is a
 * 404.
 */
public final class CannedRoutes extends Dispatcher {
  private final MockWebServer server;
  private final Map<String, Function<RecordedRequest, MockResponse>> routes =
      new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  private CannedRoutes(MockWebServer server) {
    this.server = server;
  }

  /** Starts {@code server} on loopback answering with these routes; the test closes it. */
  public static CannedRoutes serve(MockWebServer server) {
    CannedRoutes routes = new CannedRoutes(server);
    server.setDispatcher(routes);
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return routes;
  }

  public CannedRoutes route(String path, MockResponse response) {
    return route(path, request -> response);
  }

  public CannedRoutes route(String path, Function<RecordedRequest, MockResponse> answer) {
    routes.put(path, answer);
    return this;
  }

  /** {@code path} on the server, by its loopback address (the host name may resolve elsewhere). */
  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getPort() + path);
  }

  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  public List<RecordedRequest> requests(String path) {
    return requests.stream().filter(r -> r.getUrl().encodedPath().equals(path)).toList();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    String path = request.getUrl().encodedPath();
    return routes.keySet().stream()
        .filter(path::startsWith)
        .max(Comparator.comparingInt(String::length))
        .map(route -> routes.get(route).apply(request))
        .orElseGet(() -> status(404, Map.of()));
  }

  /** 200 with {@code body} and the given extra headers. */
  public static MockResponse ok(String contentType, byte[] body, Map<String, String> headers) {
    MockResponse.Builder response =
        new MockResponse.Builder().setHeader("Content-Type", contentType).body(bytes(body));
    headers.forEach(response::setHeader);
    return response.build();
  }

  /** A status with an empty body and the given headers. */
  public static MockResponse status(int status, Map<String, String> headers) {
    MockResponse.Builder response = new MockResponse.Builder().code(status);
    headers.forEach(response::setHeader);
    return response.build();
  }

  /**
   * Answers with {@code response} and {@code etag}, or with 304 when the request sends that ETag
   * back in If-None-Match.
   */
  public static Function<RecordedRequest, MockResponse> conditional(
      String etag, MockResponse response) {
    MockResponse tagged = response.newBuilder().setHeader("ETag", etag).build();
    MockResponse notModified = status(304, Map.of());
    return request -> etag.equals(request.getHeaders().get("If-None-Match")) ? notModified : tagged;
  }

  public static Buffer bytes(byte[] body) {
    return new Buffer().write(body);
  }
}
