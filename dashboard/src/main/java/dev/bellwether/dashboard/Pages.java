package dev.bellwether.dashboard;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's server-rendered pages, from the jte templates in {@code src/main/jte}, compiled
 * to Java at build time. The templates write HTML, so jte escapes every value they write for where
 * it lands (text or attribute); pages carry no inline script or style (the Content-Security-Policy
 * forbids both), their behaviour lives in {@code /assets/dashboard.js}.
 */
final class Pages {
  /** The precompiled templates, found by class name in this package: nothing is compiled here. */
  private static final TemplateEngine TEMPLATES =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, Pages.class.getClassLoader(), Pages.class.getPackageName());

  static final List<Integer> TREND_DAYS = List.of(2, 7, 14, 30);

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
      @Nullable String error) {

    /** {@code 3 alerts}, or {@code newest 100 of 250 alerts} when not all fit. */
    String shown() {
      int listed = page.alerts().size();
      return listed == page.matched()
          ? PageText.count(listed, "alert", "alerts")
          : "newest " + listed + " of " + page.matched() + " alerts";
    }

    /** The live stream of this filter, from after the newest alert the page lists. */
    String streamUrl() {
      return "/api/alerts/stream?html=true&lastEventId=" + lastSeq + and(filter.queryString());
    }

    /** The next older page, if some matching alerts are not listed. */
    @Nullable String olderHref() {
      List<AlertEntry> listed = page.alerts();
      if (listed.isEmpty() || listed.size() >= page.matched()) {
        return null;
      }
      String query = filter.queryString();
      String before = "before=" + listed.get(listed.size() - 1).seq();
      return "/?" + (query.isEmpty() ? before : query + "&" + before);
    }

    @Nullable String typeName() {
      return filter.type() == null ? null : filter.type().name();
    }

    @Nullable String statusName() {
      return filter.status() == null ? null : filter.status().name();
    }
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
      @Nullable String error) {

    /** What the chart and table count, in words. */
    String about() {
      return "Articles per "
          + window
          + " reporting each kind of event for each company, "
          + PageText.time(from)
          + " to "
          + PageText.time(to);
    }

    /** The {@code /api/trends} request the chart draws. */
    String apiUrl() {
      return "/api/trends?window="
          + window
          + "&from="
          + from
          + "&to="
          + to
          + (company == null ? "" : "&company=" + PageText.urlPart(company))
          + (type == null ? "" : "&type=" + PageText.urlPart(type));
    }
  }

  String feed(Feed feed) {
    return render("feed.jte", feed);
  }

  /** One alert as an item of the feed; also what the stream sends the page for a new alert. */
  static String alertItem(AlertEntry entry) {
    return render("alert.jte", entry);
  }

  String story(StoryView story) {
    return render("story.jte", story);
  }

  String storyNotFound(String id, int capacity) {
    return renderWith("storyNotFound.jte", Map.of("id", id, "capacity", capacity));
  }

  String trends(Trends trends) {
    return renderWith("trends.jte", Map.of("trends", trends, "chartScript", chartScript));
  }

  private static String render(String template, Object model) {
    StringOutput out = new StringOutput(8192);
    TEMPLATES.render(template, model, out);
    return out.toString();
  }

  private static String renderWith(String template, Map<String, Object> parameters) {
    StringOutput out = new StringOutput(8192);
    TEMPLATES.render(template, parameters, out);
    return out.toString();
  }

  private static String and(String query) {
    return query.isEmpty() ? "" : "&" + query;
  }
}
