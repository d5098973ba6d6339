package dev.bellwether.app;

import dev.bellwether.schemas.avro.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A news web on loopback made of a story corpus's articles: each outlet an RSS feed of its articles
 * (newest first, a one-sentence description), each article a page of its own, and a robots.txt that
 * lets everything be read. The articles' own URLs are replaced by the pages served here.
 */
final class StoryNewsWeb implements AutoCloseable {
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final Map<String, Article> byId = new LinkedHashMap<>();
  private final Map<String, List<Article>> byOutlet = new LinkedHashMap<>();
  private MockWebServer server;

  private StoryNewsWeb(List<Article> articles) {
    for (Article a : articles) {
      byId.put(a.getId(), a);
      byOutlet.computeIfAbsent(slug(a.getOutlet()), k -> new ArrayList<>()).add(a);
    }
    byOutlet.values().forEach(l -> l.sort(Comparator.comparing(Article::getPublished).reversed()));
  }

  static StoryNewsWeb serve(List<Article> articles) {
    StoryNewsWeb web = new StoryNewsWeb(articles);
    web.server = CannedWeb.serve(web::answer);
    return web;
  }

  String base() {
    return CannedWeb.base(server).toString();
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

  private MockResponse answer(RecordedRequest request) {
    String path = CannedWeb.path(request);
    if (path.equals("/robots.txt")) {
      return ok("text/plain", "User-agent: *\nAllow: /\n");
    } else if (path.startsWith("/feeds/") && path.endsWith(".xml")) {
      List<Article> articles =
          byOutlet.get(path.substring("/feeds/".length(), path.length() - ".xml".length()));
      return articles == null
          ? CannedWeb.status(404)
          : ok("application/rss+xml; charset=utf-8", feed(articles));
    } else if (path.startsWith("/a/") && byId.containsKey(path.substring(3))) {
      return ok("text/html; charset=utf-8", page(byId.get(path.substring(3))));
    }
    return CannedWeb.status(404);
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

  private static MockResponse ok(String type, String body) {
    return CannedWeb.answer(200, type, body.getBytes(StandardCharsets.UTF_8));
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
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the news web", e);
    }
  }
}
