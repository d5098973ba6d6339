package dev.bellwether.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bellwether.schemas.avro.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A news web on loopback made of a story corpus's articles: each outlet an RSS feed of its articles
 * (newest first, a one-sentence description), each article a page of its own, and a robots.txt that
 * lets everything be read. The articles' own URLs are replaced by the pages served here.
 */
final class StoryNewsWeb implements AutoCloseable {
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final HttpServer server;
  private final Map<String, Article> byId = new LinkedHashMap<>();
  private final Map<String, List<Article>> byOutlet = new LinkedHashMap<>();

  private StoryNewsWeb(HttpServer server, List<Article> articles) {
    this.server = server;
    for (Article a : articles) {
      byId.put(a.getId(), a);
      byOutlet.computeIfAbsent(slug(a.getOutlet()), k -> new ArrayList<>()).add(a);
    }
    byOutlet.values().forEach(l -> l.sort(Comparator.comparing(Article::getPublished).reversed()));
  }

  static StoryNewsWeb serve(List<Article> articles) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
      StoryNewsWeb web = new StoryNewsWeb(server, articles);
      server.createContext("/", web::answer);
      server.start();
      return web;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the news web", e);
    }
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The page of the article with this corpus id. */
  String pageOf(String id) {
    return base() + "/a/" + id;
  }

  /** A sources file polling every outlet's feed once a minute, loopback allowed. */
  String sourcesYaml() {
    StringBuilder yaml = new StringBuilder("sources:\n");
    byOutlet.forEach(
        (slug, articles) ->
            yaml.append("  - id: ")
                .append(slug)
                .append("\n    type: rss\n    name: ")
                .append(articles.get(0).getOutlet())
                .append("\n    url: ")
                .append(base())
                .append("/feeds/")
                .append(slug)
                .append(".xml\n    interval: 1m\n"));
    return yaml.append("network:\n  allow-private: true\n").toString();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/robots.txt")) {
        send(exchange, "text/plain", "User-agent: *\nAllow: /\n");
      } else if (path.startsWith("/feeds/") && path.endsWith(".xml")) {
        List<Article> articles =
            byOutlet.get(path.substring("/feeds/".length(), path.length() - ".xml".length()));
        if (articles == null) {
          exchange.sendResponseHeaders(404, -1);
        } else {
          send(exchange, "application/rss+xml; charset=utf-8", feed(articles));
        }
      } else if (path.startsWith("/a/") && byId.containsKey(path.substring(3))) {
        send(exchange, "text/html; charset=utf-8", page(byId.get(path.substring(3))));
      } else {
        exchange.sendResponseHeaders(404, -1);
      }
    }
  }

  private String feed(List<Article> articles) {
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">")
            .append("<channel><title>")
            .append(escape(articles.get(0).getOutlet()))
            .append("</title><link>")
            .append(base())
            .append("</link><description>news</description>");
    for (Article a : articles) {
      String text = a.getText();
      int stop = text.indexOf(". ");
      xml.append("<item><title>")
          .append(escape(a.getTitle()))
          .append("</title><link>")
          .append(pageOf(a.getId()))
          .append("</link><guid>")
          .append(pageOf(a.getId()))
          .append("</guid><pubDate>")
          .append(RFC_1123.format(a.getPublished()))
          .append("</pubDate><description>")
          .append(escape(stop > 0 ? text.substring(0, stop + 1) : text))
          .append("</description></item>");
    }
    return xml.append("</channel></rss>\n").toString();
  }

  private static String page(Article a) {
    StringBuilder html =
        new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .append(escape(a.getTitle()))
            .append(" | ")
            .append(escape(a.getOutlet()))
            .append("</title><meta property=\"article:published_time\" content=\"")
            .append(a.getPublished())
            .append("\"></head><body><header><nav><a href=\"/\">Home</a> <a href=\"/markets\">")
            .append("Markets</a> <a href=\"/tech\">Tech</a></nav></header><main><article><h1>")
            .append(escape(a.getTitle()))
            .append("</h1><p class=\"byline\">By Staff Writer</p>");
    for (String sentence : a.getText().split("(?<=[.!?])\\s+(?=[A-Z\"“])")) {
      html.append("<p>").append(escape(sentence)).append("</p>");
    }
    return html.append("</article></main><footer><p>© ")
        .append(escape(a.getOutlet()))
        .append("</p></footer></body></html>\n")
        .toString();
  }

  private static void send(HttpExchange exchange, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  static String slug(String outlet) {
    return outlet.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
