package dev.bellwether.dashboard;

import static dev.bellwether.dashboard.Html.attr;
import static dev.bellwether.dashboard.Html.text;

import dev.bellwether.schemas.FactValues;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's server-rendered pages. Every value from an alert or a request goes through {@link
 * Html}; pages carry no inline script or style (the Content-Security-Policy forbids both), their
 * behaviour lives in {@code /assets/dashboard.js}.
 */
final class Pages {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final String chartScript;

  Pages(String chartScript) {
    this.chartScript = chartScript;
  }

  /** What the feed page shows. */
  record Feed(
      AlertFilter filter,
      AlertLog.Page page,
      List<String> companies,
      int limit,
      long lastSeq,
      boolean caughtUp,
      @Nullable String error) {}

  String feed(Feed f) {
    StringBuilder b = new StringBuilder(16_384);
    b.append("<h1>Alerts</h1>\n");
    filterForm(b, f.filter(), f.companies(), "/", true);
    if (f.error() != null) {
      b.append("<p class=\"error\" role=\"alert\">").append(text(f.error())).append("</p>\n");
    }
    String shown =
        f.page().alerts().size() == f.page().matched()
            ? f.page().matched() + (f.page().matched() == 1 ? " alert" : " alerts")
            : "newest " + f.page().alerts().size() + " of " + f.page().matched() + " alerts";
    b.append("<p class=\"feed-status\"><span id=\"feed-count\">")
        .append(text(shown))
        .append("</span> · <span id=\"live-status\" role=\"status\" aria-live=\"polite\">")
        .append(f.caughtUp() ? "" : "Loading alerts from Kafka…")
        .append("</span></p>\n");
    String query = f.filter().queryString();
    String stream =
        "/api/alerts/stream?html=true&lastEventId="
            + f.lastSeq()
            + (query.isEmpty() ? "" : "&" + query);
    b.append(
            "<ol id=\"alerts\" class=\"alerts\" aria-label=\"Alerts, newest first\" data-stream=\"")
        .append(attr(stream))
        .append("\">\n");
    for (AlertEntry e : f.page().alerts()) {
      b.append(alertItem(e)).append('\n');
    }
    b.append("</ol>\n");
    b.append("<p id=\"alerts-empty\" class=\"empty\"")
        .append(f.page().alerts().isEmpty() ? "" : " hidden")
        .append(">No alerts match these filters yet. New ones appear here as they arrive.</p>\n");
    if (!f.page().alerts().isEmpty() && f.page().alerts().size() < f.page().matched()) {
      long oldest = f.page().alerts().get(f.page().alerts().size() - 1).seq();
      b.append("<p><a class=\"older\" href=\"/?")
          .append(attr(join(query, "before=" + oldest)))
          .append("\">Older alerts</a></p>\n");
    }
    return layout("Alerts", "alerts", b.toString(), List.of());
  }

  /** One alert as an item of the feed; also what the stream sends the page for a new alert. */
  static String alertItem(AlertEntry e) {
    Alert a = e.alert();
    StringBuilder b = new StringBuilder(1024);
    b.append("<li class=\"alert severity-")
        .append(a.getSeverity().name().toLowerCase(Locale.ROOT))
        .append("\" data-alert-id=\"")
        .append(attr(a.getId()))
        .append("\" data-seq=\"")
        .append(e.seq())
        .append("\"><article>");
    b.append("<p class=\"meta\">");
    badges(b, a);
    b.append(" <time datetime=\"")
        .append(e.time())
        .append("\">")
        .append(TIME.format(e.time()))
        .append("</time></p>");
    b.append("<h2 class=\"headline\"><a class=\"story-link\" href=\"/stories/")
        .append(attr(urlPart(a.getStoryId())))
        .append("\">")
        .append(text(a.getHeadline()))
        .append("</a></h2>");
    b.append("<p class=\"companies\">");
    companyLinks(b, a.getCompanies());
    b.append("</p>");
    String facts = factLine(a.getFacts());
    if (!facts.isEmpty()) {
      b.append("<p class=\"facts\">").append(text(facts)).append("</p>");
    }
    b.append("<p class=\"why\">")
        .append(text(a.getReason().isBlank() ? "rule " + a.getRuleId() : a.getReason()))
        .append(" · ")
        .append(a.getSources().size())
        .append(a.getSources().size() == 1 ? " source" : " sources")
        .append(", first ");
    Instant first = a.getFirstSeen();
    b.append("<time datetime=\"").append(first).append("\">").append(TIME.format(first));
    b.append("</time></p>");
    b.append("</article></li>");
    return b.toString();
  }

  String story(StoryView s) {
    Alert a = s.latest().alert();
    StringBuilder b = new StringBuilder(16_384);
    b.append("<p class=\"back\"><a href=\"/\">← All alerts</a></p>\n");
    b.append("<article class=\"story\" data-story-id=\"").append(attr(s.id())).append("\">\n");
    b.append("<h1 id=\"story-headline\">").append(text(a.getHeadline())).append("</h1>\n");
    b.append("<p class=\"meta\">");
    badges(b, a);
    b.append(" first seen <time datetime=\"")
        .append(s.firstSeen())
        .append("\">")
        .append(TIME.format(s.firstSeen()))
        .append("</time></p>\n");
    b.append("<p class=\"companies\">");
    companyLinks(b, a.getCompanies());
    b.append("</p>\n");
    if (!a.getSummary().isBlank()) {
      b.append("<p class=\"summary\">").append(text(a.getSummary())).append("</p>\n");
    }
    b.append("<section aria-labelledby=\"facts-heading\"><h2 id=\"facts-heading\">Facts</h2>\n");
    if (a.getFacts().isEmpty()) {
      b.append("<p>No facts were read from the sources.</p>\n");
    } else {
      b.append("<dl id=\"facts\" class=\"facts\">");
      factEntries(a.getFacts())
          .forEach(
              (label, value) ->
                  b.append("<dt>")
                      .append(text(label))
                      .append("</dt><dd>")
                      .append(text(value))
                      .append("</dd>"));
      b.append("</dl>\n");
    }
    if (!a.getConflicts().isEmpty()) {
      b.append("<h3>Sources disagree</h3><ul id=\"conflicts\">");
      new java.util.TreeMap<>(a.getConflicts())
          .forEach(
              (fact, others) ->
                  b.append("<li>")
                      .append(text(label(fact)))
                      .append(" also given as ")
                      .append(text(others))
                      .append("</li>"));
      b.append("</ul>\n");
    }
    b.append("</section>\n");
    b.append(
        "<section aria-labelledby=\"evidence-heading\"><h2 id=\"evidence-heading\">Evidence</h2>\n");
    b.append("<div id=\"evidence\">");
    for (String sentence : s.evidence()) {
      b.append("<blockquote class=\"evidence\"><p>");
      for (Highlight.Part part : Highlight.parts(sentence, a.getCompanies())) {
        if (part.marked()) {
          b.append("<mark>").append(text(part.text())).append("</mark>");
        } else {
          b.append(text(part.text()));
        }
      }
      b.append("</p></blockquote>");
    }
    if (s.evidence().isEmpty()) {
      b.append("<p>No evidence sentence was kept.</p>");
    }
    b.append("</div></section>\n");
    b.append(
        "<section aria-labelledby=\"timeline-heading\"><h2 id=\"timeline-heading\">Sources ("
            + s.sources().size()
            + ")</h2>\n<ol id=\"timeline\" class=\"timeline\">");
    for (AlertSource source : s.sources()) {
      b.append("<li><time datetime=\"")
          .append(source.getTime())
          .append("\">")
          .append(TIME.format(source.getTime()))
          .append("</time> <span class=\"outlet\">")
          .append(text(source.getOutlet()))
          .append("</span> ");
      String href = Html.safeHref(source.getUrl());
      if (href != null) {
        b.append("<a href=\"")
            .append(attr(href))
            .append("\" rel=\"noopener noreferrer nofollow\">")
            .append(text(shorten(source.getUrl())))
            .append("</a>");
      } else {
        b.append("<span class=\"url\">").append(text(shorten(source.getUrl()))).append("</span>");
      }
      b.append("</li>");
    }
    b.append("</ol></section>\n");
    b.append(
        "<section aria-labelledby=\"history-heading\"><h2 id=\"history-heading\">Alerts</h2>\n"
            + "<ol id=\"history\" class=\"history\">");
    for (AlertEntry e : s.alerts()) {
      b.append("<li><span class=\"badge kind-")
          .append(e.alert().getKind().name().toLowerCase(Locale.ROOT))
          .append("\">")
          .append(e.alert().getKind().name())
          .append("</span> <time datetime=\"")
          .append(e.time())
          .append("\">")
          .append(TIME.format(e.time()))
          .append("</time> ")
          .append(text(e.alert().getReason()))
          .append(" <span class=\"rule\">(rule ")
          .append(text(e.alert().getRuleId()))
          .append(")</span></li>");
    }
    b.append("</ol></section>\n</article>\n");
    return layout(a.getHeadline(), "alerts", b.toString(), List.of());
  }

  String storyNotFound(String id, int capacity) {
    String body =
        "<h1>No such story</h1>\n<p>No story <code>"
            + text(id)
            + "</code> is held here. The dashboard keeps the newest "
            + capacity
            + " alerts; an older story has left it, but its alerts are still on the alerts"
            + " topic.</p>\n<p><a href=\"/\">All alerts</a></p>\n";
    return layout("No such story", "alerts", body, List.of());
  }

  /** What the trends page shows. */
  record Trends(
      @Nullable String company,
      @Nullable String type,
      String window,
      int days,
      Instant from,
      Instant to,
      List<String> companies,
      @Nullable String error) {}

  static final List<Integer> TREND_DAYS = List.of(2, 7, 14, 30);

  String trends(Trends t) {
    StringBuilder b = new StringBuilder(8192);
    b.append("<h1>Trends</h1>\n");
    b.append(
        "<form id=\"trend-filters\" class=\"filters\" method=\"get\" action=\"/trends\""
            + " aria-label=\"Trend filters\">");
    companySelect(b, t.company(), t.companies());
    typeSelect(b, t.type());
    b.append("<label>Per <select name=\"window\">");
    option(b, "day", "day", t.window());
    option(b, "hour", "hour", t.window());
    b.append("</select></label>");
    b.append("<label>Over <select name=\"days\">");
    for (int d : TREND_DAYS) {
      option(b, Integer.toString(d), d + " days", Integer.toString(t.days()));
    }
    b.append("</select></label>");
    b.append("<button type=\"submit\">Show</button> <a href=\"/trends\">Clear</a></form>\n");
    if (t.error() != null) {
      b.append("<p class=\"error\" role=\"alert\">").append(text(t.error())).append("</p>\n");
    }
    StringBuilder api =
        new StringBuilder("/api/trends?window=")
            .append(t.window())
            .append("&from=")
            .append(t.from())
            .append("&to=")
            .append(t.to());
    if (t.company() != null) {
      api.append("&company=").append(urlPart(t.company()));
    }
    if (t.type() != null) {
      api.append("&type=").append(urlPart(t.type()));
    }
    String about =
        "Articles per "
            + t.window()
            + " reporting each kind of event for each company, "
            + TIME.format(t.from())
            + " to "
            + TIME.format(t.to());
    b.append("<p id=\"trends-about\">").append(text(about)).append("</p>\n");
    b.append("<figure class=\"chart\"><div class=\"chart-box\"><canvas id=\"trends-chart\"")
        .append(" role=\"img\" aria-label=\"")
        .append(attr("Chart: " + about + ". The table below gives the same counts."))
        .append("\" data-api=\"")
        .append(attr(api.toString()))
        .append("\" data-window=\"")
        .append(attr(t.window()))
        .append("\" data-from=\"")
        .append(t.from())
        .append("\" data-to=\"")
        .append(t.to())
        .append("\"></canvas></div>")
        .append(
            "<figcaption id=\"trends-status\" role=\"status\" aria-live=\"polite\">"
                + "Loading trends…</figcaption></figure>\n");
    b.append("<div id=\"trends-table\"></div>\n");
    return layout("Trends", "trends", b.toString(), List.of(chartScript));
  }

  /** A page for a request that cannot be answered, with the reason. */
  String problem(String title, String message) {
    return layout(
        title,
        "",
        "<h1>"
            + text(title)
            + "</h1>\n<p class=\"error\" role=\"alert\">"
            + text(message)
            + "</p>\n<p><a href=\"/\">All alerts</a></p>\n",
        List.of());
  }

  private static void filterForm(
      StringBuilder b, AlertFilter filter, List<String> companies, String action, boolean range) {
    b.append("<form id=\"filters\" class=\"filters\" method=\"get\" action=\"")
        .append(attr(action))
        .append("\" aria-label=\"Alert filters\">");
    companySelect(b, filter.company(), companies);
    typeSelect(b, filter.type() == null ? null : filter.type().name());
    b.append("<label>Status <select name=\"status\"><option value=\"\">Any status</option>");
    for (var s : AlertFilter.statuses()) {
      option(
          b,
          s.name(),
          s.name().toLowerCase(Locale.ROOT),
          filter.status() == null ? null : filter.status().name());
    }
    b.append("</select></label>");
    if (range) {
      b.append("<label>Issued <select name=\"range\"><option value=\"\">any time</option>");
      for (String r : AlertFilter.RANGES.keySet()) {
        option(b, r, "last " + r, filter.range());
      }
      b.append("</select></label>");
      if (filter.from() != null) {
        hidden(b, "from", filter.from().toString());
      }
      if (filter.to() != null) {
        hidden(b, "to", filter.to().toString());
      }
    }
    b.append("<button type=\"submit\">Apply</button> <a href=\"")
        .append(attr(action))
        .append("\">Clear filters</a></form>\n");
  }

  private static void companySelect(
      StringBuilder b, @Nullable String selected, List<String> companies) {
    b.append("<label>Company <select name=\"company\"><option value=\"\">All companies</option>");
    boolean found = false;
    for (String c : companies) {
      option(b, c, c, selected);
      found |= c.equals(selected);
    }
    if (selected != null && !found) {
      option(b, selected, selected, selected);
    }
    b.append("</select></label>");
  }

  private static void typeSelect(StringBuilder b, @Nullable String selected) {
    b.append("<label>Event <select name=\"type\"><option value=\"\">Any event</option>");
    for (var t : AlertFilter.types()) {
      option(b, t.name(), typeLabel(t.name()), selected);
    }
    b.append("</select></label>");
  }

  private static void option(
      StringBuilder b, String value, String label, @Nullable String selected) {
    b.append("<option value=\"").append(attr(value)).append('"');
    if (value.equals(selected)) {
      b.append(" selected");
    }
    b.append('>').append(text(label)).append("</option>");
  }

  private static void hidden(StringBuilder b, String name, String value) {
    b.append("<input type=\"hidden\" name=\"")
        .append(attr(name))
        .append("\" value=\"")
        .append(attr(value))
        .append("\">");
  }

  private static void badges(StringBuilder b, Alert a) {
    b.append("<span class=\"badge kind-")
        .append(a.getKind().name().toLowerCase(Locale.ROOT))
        .append("\">")
        .append(a.getKind().name())
        .append("</span> <span class=\"badge type\">")
        .append(text(typeLabel(a.getEventType().name())))
        .append("</span> <span class=\"badge status\">")
        .append(a.getStatus().name().toLowerCase(Locale.ROOT))
        .append(a.getEnded() ? ", ended" : "")
        .append(a.getRelaxed() ? ", relaxed" : "")
        .append("</span> <span class=\"badge severity\">")
        .append(a.getSeverity().name().toLowerCase(Locale.ROOT))
        .append("</span>");
  }

  private static void companyLinks(StringBuilder b, List<String> companies) {
    for (int i = 0; i < companies.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append("<a class=\"company\" href=\"/?company=")
          .append(attr(urlPart(companies.get(i))))
          .append("\">")
          .append(text(companies.get(i)))
          .append("</a>");
    }
  }

  static String typeLabel(String type) {
    return switch (type) {
      case "FUNDING" -> "funding";
      case "EXPORT_CONTROL" -> "export control";
      case "PARTNERSHIP" -> "partnership";
      case "ACQUISITION" -> "acquisition";
      case "IPO" -> "IPO";
      default -> type.toLowerCase(Locale.ROOT);
    };
  }

  private static Map<String, String> factEntries(Map<String, String> facts) {
    Map<String, String> shown = new java.util.LinkedHashMap<>();
    FactValues.LABELS.forEach(
        (key, label) -> {
          String value = facts.get(key);
          if (value != null && !value.isBlank()) {
            shown.put(label, FactValues.show(key, value));
          }
        });
    new java.util.TreeMap<>(facts)
        .forEach(
            (key, value) -> {
              if (!FactValues.LABELS.containsKey(key) && !value.isBlank()) {
                shown.put(label(key), FactValues.show(key, value));
              }
            });
    return shown;
  }

  private static String factLine(Map<String, String> facts) {
    StringBuilder line = new StringBuilder();
    factEntries(facts)
        .forEach(
            (label, value) -> {
              if (line.length() > 0) {
                line.append(" · ");
              }
              line.append(label).append(": ").append(value);
            });
    return line.toString();
  }

  private static String label(String fact) {
    String known = FactValues.LABELS.get(fact);
    if (known != null) {
      return known;
    }
    String words = fact.replace("_usd", "").replace('_', ' ');
    return words.isEmpty() ? fact : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String shorten(String url) {
    return url.length() <= 90 ? url : url.substring(0, 89) + "…";
  }

  static String urlPart(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String join(String query, String more) {
    return query.isEmpty() ? more : query + "&" + more;
  }

  private static String layout(String title, String current, String main, List<String> scripts) {
    StringBuilder b = new StringBuilder(main.length() + 2048);
    b.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(text(title))
        .append(" — Bellwether</title>\n")
        .append("<link rel=\"stylesheet\" href=\"/assets/dashboard.css\">\n</head>\n<body>\n")
        .append("<a class=\"skip\" href=\"#main\">Skip to content</a>\n")
        .append("<header class=\"top\"><a class=\"brand\" href=\"/\">Bellwether</a>")
        .append("<nav aria-label=\"Main\">");
    navLink(b, "/", "Alerts", current.equals("alerts"));
    navLink(b, "/trends", "Trends", current.equals("trends"));
    b.append("</nav></header>\n<main id=\"main\">\n").append(main).append("</main>\n");
    for (String script : scripts) {
      b.append("<script src=\"").append(attr(script)).append("\" defer></script>\n");
    }
    b.append("<script src=\"/assets/dashboard.js\" defer></script>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void navLink(StringBuilder b, String href, String label, boolean current) {
    b.append("<a href=\"").append(href).append('"');
    if (current) {
      b.append(" aria-current=\"page\"");
    }
    b.append('>').append(label).append("</a>");
  }
}
