package dev.bellwether.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Serves the bundled demo feeds ({@code /demo/*.xml} on the classpath) on a loopback port, with an
 * ETag so that pollers exercise conditional GET. Nothing else is served.
 */
public final class DemoFeedServer implements AutoCloseable {
  private static final String RESOURCES = "/demo/";
  private static final Pattern FEED_NAME = Pattern.compile("[a-z0-9-]+\\.xml");

  private final HttpServer server;

  private DemoFeedServer(HttpServer server) {
    this.server = server;
  }

  /** Starts on a free port of 127.0.0.1. */
  public static DemoFeedServer start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      server.createContext("/", DemoFeedServer::serve);
      server.start();
      return new DemoFeedServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the demo feed server", e);
    }
  }

  /** The base URL sources.yaml's {@code ${DEMO_BASE}} stands for. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feeds");
  }

  /** The bundled demo sources file, with {@code ${DEMO_BASE}} still to substitute. */
  public static String sourcesYaml() {
    return new String(resource("sources.yaml"), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String name = path.startsWith("/feeds/") ? path.substring("/feeds/".length()) : "";
      if (!exchange.getRequestMethod().equals("GET") || !FEED_NAME.matcher(name).matches()) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = resourceOrNull(name);
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String etag = "\"" + sha256(body) + "\"";
      exchange.getResponseHeaders().set("ETag", etag);
      if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/xml; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static byte[] resource(String name) {
    byte[] bytes = resourceOrNull(name);
    if (bytes == null) {
      throw new IllegalStateException("demo resource missing from the jar: " + name);
    }
    return bytes;
  }

  private static byte @org.jspecify.annotations.Nullable [] resourceOrNull(String name) {
    try (InputStream in = DemoFeedServer.class.getResourceAsStream(RESOURCES + name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
