package dev.bellwether.ingest.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A loopback HTTP server with canned responses per path, recording the requests it gets. */
public final class CannedHttpServer implements AutoCloseable {
  /** Answers one request. */
  @FunctionalInterface
  public interface Responder {
    void respond(HttpExchange exchange) throws IOException;
  }

  /** What the server saw. */
  public record Request(String path, Headers headers) {
    public String header(String name) {
      return headers.getFirst(name);
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private CannedHttpServer(HttpServer server) {
    this.server = server;
  }

  public static CannedHttpServer start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
      return new CannedHttpServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public CannedHttpServer route(String path, Responder responder) {
    server.createContext(
        path,
        exchange -> {
          requests.add(
              new Request(exchange.getRequestURI().getPath(), copy(exchange.getRequestHeaders())));
          try (exchange) {
            drain(exchange.getRequestBody());
            responder.respond(exchange);
          } catch (IOException e) {
            // the client went away (cancelled a big body, timed out): expected in these tests
          }
        });
    return this;
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** 200 with {@code body} and the given extra headers. */
  public static Responder ok(String contentType, byte[] body, Map<String, String> headers) {
    return exchange -> {
      exchange.getResponseHeaders().set("Content-Type", contentType);
      headers.forEach(exchange.getResponseHeaders()::set);
      send(exchange, 200, body);
    };
  }

  /** A status with an empty body and the given headers. */
  public static Responder status(int status, Map<String, String> headers) {
    return exchange -> {
      headers.forEach(exchange.getResponseHeaders()::set);
      exchange.sendResponseHeaders(status, -1);
    };
  }

  public static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static Headers copy(Headers headers) {
    Headers copy = new Headers();
    copy.putAll(headers);
    return copy;
  }

  private static void drain(InputStream in) throws IOException {
    in.readAllBytes();
  }
}
