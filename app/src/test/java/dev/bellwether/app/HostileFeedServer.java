package dev.bellwether.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback server of bad feeds, one path per hostile input, plus one good feed. It also answers
 * as an HTTP proxy (absolute-form requests for {@link #PUBLIC_HOST}), so that a source can look as
 * if it were on a public host and then redirect to a loopback address.
 */
final class HostileFeedServer implements AutoCloseable {
  /** A name the child JVM's hosts file maps to a public address, reached only through the proxy. */
  static final String PUBLIC_HOST = "feeds.hostile.test";

  /** Text an XXE would leak if external entities were read. */
  static final String SECRET = "hostile-secret-7f3a9c";

  private static final int MIB = 1024 * 1024;
  private static final String RSS = "application/rss+xml; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService workers;
  private final byte[] gzipBomb;
  private final String xxeTarget;

  private HostileFeedServer(HttpServer server, ExecutorService workers, String xxeTarget) {
    this.server = server;
    this.workers = workers;
    this.xxeTarget = xxeTarget;
    this.gzipBomb = gzipOfZeros(128L * MIB);
  }

  /** Starts on 127.0.0.1; {@code xxeTarget} is the file URL an XXE would try to read. */
  static HostileFeedServer start(String xxeTarget) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
    ExecutorService workers = Executors.newFixedThreadPool(16);
    server.setExecutor(workers);
    HostileFeedServer hostile = new HostileFeedServer(server, workers, xxeTarget);
    server.createContext("/", hostile::serve);
    server.start();
    return hostile;
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      route(exchange, exchange.getRequestURI().getPath());
    } catch (IOException e) {
      // the client gave up (body too large, timeout): expected for several hostile inputs
    }
  }

  private void route(HttpExchange exchange, String path) throws IOException {
    switch (path) {
      case "/good.xml" -> send(exchange, 200, RSS, goodFeed());
      case "/malformed.xml" -> send(exchange, 200, RSS, malformed());
      case "/xxe.xml" -> send(exchange, 200, RSS, xxe());
      case "/billion-laughs.xml" -> send(exchange, 200, RSS, billionLaughs());
      case "/gzip-bomb.xml" -> gzipBomb(exchange);
      case "/huge.xml" -> huge(exchange);
      case "/slow-drip.xml" -> slowDrip(exchange);
      case "/loop-a" -> redirect(exchange, "/loop-b");
      case "/loop-b" -> redirect(exchange, "/loop-a");
      case "/redirect-private" -> redirect(exchange, base().resolve("/good.xml").toString());
      case "/undecodable.xml" -> send(exchange, 200, "application/rss+xml", undecodable());
      case "/long-title.xml" -> send(exchange, 200, RSS, longTitle());
      default -> send(exchange, 404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
  }

  private byte[] goodFeed() {
    String base = base().toString();
    return rss(
        item(
                "good-1",
                base + "pages/anthropic",
                "Anthropic raises $15 billion as Amazon and Google pile in",
                "Anthropic, the maker of Claude, said it has raised $15 billion in a Series G round"
                    + " at a post-money valuation of $380 billion. Coatue and GIC led the round.")
            + item(
                "good-2",
                base + "pages/nvidia",
                "Nvidia to acquire inference-software startup Parallax Labs for $900 million",
                "Nvidia has agreed to buy Parallax Labs, a San Francisco startup whose software"
                    + " schedules inference jobs across GPU clusters, for about $900 million in"
                    + " cash."));
  }

  /** Unclosed elements and an attribute without quotes: beyond the one repair pass. */
  private static byte[] malformed() {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n"
            + "<channel update=hourly><title>Broken</title>\n<item><title>Truncated item\n"
            + "<link>http://broken.example/1</link><description>never closed\n</channel>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private byte[] xxe() {
    String doctype = "<!DOCTYPE rss [<!ENTITY leak SYSTEM \"" + xxeTarget + "\">]>\n";
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + doctype
            + new String(
                rss(item("xxe-1", "http://xxe.example/1", "Leak: &leak;", "Body: &leak;")),
                StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] billionLaughs() {
    StringBuilder doctype = new StringBuilder("<!DOCTYPE rss [\n<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      String previous = ("&lol" + (i - 1) + ";").repeat(10);
      doctype.append("<!ENTITY lol").append(i).append(" \"").append(previous).append("\">\n");
    }
    doctype.append("]>\n");
    String feed =
        new String(
            rss(item("laughs-1", "http://laughs.example/1", "&lol9;", "&lol9;")),
            StandardCharsets.UTF_8);
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype + feed)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A UTF-8 byte-order mark, then bytes that are not UTF-8. */
  private static byte[] undecodable() {
    byte[] feed = rss(item("bad-1", "http://bad.example/1", "Caf\u00e9", "d\u00e9j\u00e0 vu"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
    String latin = new String(feed, StandardCharsets.UTF_8);
    out.writeBytes(latin.getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  private byte[] longTitle() {
    String title = "Anthropic raises money " + "A".repeat(MIB);
    return rss(item("long-1", base() + "pages/long", title, "A feed item with a huge title."));
  }

  private void gzipBomb(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", RSS);
    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    exchange.sendResponseHeaders(200, gzipBomb.length);
    exchange.getResponseBody().write(gzipBomb);
  }

  /** 100 MiB, chunked (no Content-Length), generated as it is sent. */
  private static void huge(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", RSS);
    exchange.sendResponseHeaders(200, 0);
    OutputStream body = exchange.getResponseBody();
    body.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>".getBytes());
    byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
    for (long sent = 0; sent < 100L * MIB; sent += chunk.length) {
      body.write(chunk);
    }
  }

  /** One byte a second, for at most 50 s: longer than the client's 30 s for a whole fetch. */
  private static void slowDrip(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", RSS);
    exchange.sendResponseHeaders(200, 0);
    OutputStream body = exchange.getResponseBody();
    byte[] start = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>".getBytes();
    for (int i = 0; i < 50; i++) {
      body.write(start[i % start.length]);
      body.flush();
      try {
        TimeUnit.SECONDS.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static byte[] rss(String items) {
    return ("<rss version=\"2.0\"><channel><title>Hostile</title>"
            + "<link>http://hostile.example/</link><description>hostile</description>"
            + items
            + "</channel></rss>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String item(String guid, String link, String title, String description) {
    return "<item><title>"
        + title
        + "</title><link>"
        + link
        + "</link><guid isPermaLink=\"false\">"
        + guid
        + "</guid><pubDate>Thu, 26 Nov 2026 16:00:00 GMT</pubDate><description>"
        + description
        + "</description></item>";
  }

  private static byte[] gzipOfZeros(long size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      byte[] zeros = new byte[MIB];
      for (long written = 0; written < size; written += zeros.length) {
        gzip.write(zeros);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
