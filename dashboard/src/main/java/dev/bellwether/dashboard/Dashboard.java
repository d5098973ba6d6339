package dev.bellwether.dashboard;

import dev.bellwether.schemas.KafkaConnection;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's routes, for a Javalin server: the pages ({@code /}, {@code /stories/{id}}, {@code
 * /trends}), their assets and the JSON API ({@code /api/alerts}, {@code /api/alerts/stream}, {@code
 * /api/stories/{id}}; {@code /api/trends} is {@link dev.bellwether.dashboard.trends.TrendsRoute},
 * added beside it over the counts of whoever holds them). Read-only: every route is a GET. Every
 * page is sent with a Content-Security-Policy that allows scripts, styles and connections from the
 * dashboard's own origin only.
 */
public final class Dashboard implements AutoCloseable {
  /** How many alerts {@code GET /api/alerts} returns unless asked, and at most. */
  static final int DEFAULT_LIMIT = 100;

  static final int MAX_LIMIT = 1_000;

  /** How many live streams may be open at once. */
  static final int MAX_STREAMS = 200;

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  private static final Set<String> ALERT_PARAMETERS = alertParameters();

  private final AlertLog alerts;
  private final @Nullable BooleanSupplier caughtUp;
  private final Clock clock;
  private final AlertStream stream;
  private final Pages pages;
  private volatile @Nullable AlertFeed feed;

  private Dashboard(AlertLog alerts, @Nullable BooleanSupplier caughtUp, Clock clock) {
    this.alerts = alerts;
    this.caughtUp = caughtUp;
    this.clock = clock;
    this.stream = new AlertStream(alerts, clock, MAX_STREAMS);
    this.pages = new Pages(chartScript());
  }

  /**
   * The dashboard over {@code alerts}; {@code caughtUp} says whether the alerts topic has been read
   * to its end (pages say "loading" until then).
   */
  public static Dashboard over(AlertLog alerts, BooleanSupplier caughtUp, Clock clock) {
    return new Dashboard(alerts, caughtUp, clock);
  }

  /**
   * A dashboard that keeps the newest {@code capacity} alerts, read from the alerts topic once
   * {@link #startReading} is called.
   */
  public static Dashboard reading(int capacity, Clock clock) {
    return new Dashboard(new AlertLog(capacity), null, clock);
  }

  /** Starts reading the alerts topic of {@code kafka} from its beginning. */
  public void startReading(KafkaConnection kafka) {
    if (feed != null) {
      throw new IllegalStateException("already reading");
    }
    feed = AlertFeed.start(kafka, alerts);
  }

  /** Whether the alerts topic is being read (false before {@link #startReading} and on failure). */
  public boolean readingAlerts() {
    AlertFeed f = feed;
    return f != null && f.running();
  }

  /** Records on the alerts topic that were not alerts, skipped. */
  public long skippedRecords() {
    AlertFeed f = feed;
    return f == null ? 0 : f.skipped();
  }

  public AlertLog alerts() {
    return alerts;
  }

  private boolean caughtUp() {
    if (caughtUp != null) {
      return caughtUp.getAsBoolean();
    }
    AlertFeed f = feed;
    return f != null && f.caughtUp();
  }

  /** The routes, to add to a server's configuration before it starts. */
  public Consumer<JavalinConfig> routes() {
    return config -> {
      config.staticFiles.add(
          files -> {
            files.hostedPath = "/assets";
            files.directory = "/dev/bellwether/dashboard/assets";
            files.location = Location.CLASSPATH;
          });
      config.staticFiles.enableWebjars();
      // The live streams end before the server stops, whatever order the caller closes in.
      config.events.serverStopping(stream::close);
      config.routes.before(Dashboard::securityHeaders);
      config.routes.get("/", this::feedPage);
      config.routes.get("/stories/{id}", this::storyPage);
      config.routes.get("/trends", this::trendsPage);
      config.routes.get("/api/alerts", this::alertsJson);
      config.routes.get("/api/stories/{id}", this::storyJson);
      config.routes.before("/api/alerts/stream", this::admitStream);
      config.routes.sse("/api/alerts/stream", stream::serve);
    };
  }

  /** How many live streams are open. */
  public int streams() {
    return stream.clients();
  }

  @Override
  public void close() {
    stream.close();
    AlertFeed f = feed;
    if (f != null) {
      f.close();
    }
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CSP)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Frame-Options", "DENY");
  }

  private void feedPage(Context ctx) {
    Instant now = clock.instant();
    AlertFilter filter = AlertFilter.ALL;
    String error = null;
    long before = Long.MAX_VALUE;
    try {
      filter = AlertFilter.parse(ctx::queryParam);
      before = longParam(ctx, "before", Long.MAX_VALUE);
    } catch (AlertFilter.Invalid e) {
      error = e.getMessage() + "; showing all alerts.";
      ctx.status(HttpStatus.BAD_REQUEST);
    }
    AlertLog.Page page = alerts.query(filter, now, DEFAULT_LIMIT, before);
    html(
        ctx,
        pages.feed(
            new Pages.Feed(
                filter,
                page,
                alerts.companies(),
                DEFAULT_LIMIT,
                alerts.lastSeq(),
                caughtUp(),
                error)));
  }

  private void storyPage(Context ctx) {
    String id = ctx.pathParam("id");
    alerts
        .story(id)
        .ifPresentOrElse(
            story -> html(ctx, pages.story(story)),
            () -> {
              ctx.status(HttpStatus.NOT_FOUND);
              html(ctx, pages.storyNotFound(id, alerts.capacity()));
            });
  }

  private void trendsPage(Context ctx) {
    String error = null;
    String company = blankToNull(ctx.queryParam("company"));
    String type = null;
    String window = "day";
    int days = 14;
    Instant toParam = null;
    try {
      AlertFilter typeOnly =
          AlertFilter.parse(n -> n.equals("type") ? ctx.queryParam("type") : null);
      type = typeOnly.type() == null ? null : typeOnly.type().name();
      String w = blankToNull(ctx.queryParam("window"));
      if (w != null) {
        if (!w.equals("day") && !w.equals("hour")) {
          throw new AlertFilter.Invalid("window must be day or hour, not '" + w + "'");
        }
        window = w;
      }
      String d = blankToNull(ctx.queryParam("days"));
      if (d != null) {
        int asked = parseInt("days", d);
        if (!Pages.TREND_DAYS.contains(asked)) {
          throw new AlertFilter.Invalid("days must be one of " + Pages.TREND_DAYS + ", not " + d);
        }
        days = asked;
      }
      toParam = AlertFilter.parseTime("to", blankToNull(ctx.queryParam("to")));
    } catch (AlertFilter.Invalid e) {
      error = e.getMessage() + "; showing the defaults.";
      ctx.status(HttpStatus.BAD_REQUEST);
    }
    ChronoUnit unit = window.equals("hour") ? ChronoUnit.HOURS : ChronoUnit.DAYS;
    Instant to = toParam != null ? toParam : trendsEnd(unit);
    Instant from = to.minus(Duration.ofDays(days));
    html(
        ctx,
        pages.trends(
            new Pages.Trends(company, type, window, days, from, to, alerts.companies(), error)));
  }

  /**
   * Where the trends view ends unless asked: after the newest news the dashboard holds (not after
   * now: a quiet week, or a replay of old news, still shows its counts), never in the future.
   */
  private Instant trendsEnd(ChronoUnit unit) {
    Instant now = clock.instant();
    Instant newest = alerts.newestSourceTime().filter(t -> t.isBefore(now)).orElse(now);
    return newest.truncatedTo(unit).plus(1, unit);
  }

  private void alertsJson(Context ctx) {
    json(ctx);
    try {
      Set<String> unknown = new TreeSet<>(ctx.queryParamMap().keySet());
      unknown.removeAll(ALERT_PARAMETERS);
      if (!unknown.isEmpty()) {
        throw new AlertFilter.Invalid(
            "unknown parameter " + String.join(", ", unknown) + "; use " + ALERT_PARAMETERS);
      }
      AlertFilter filter = AlertFilter.parse(ctx::queryParam);
      int limit = (int) longParam(ctx, "limit", DEFAULT_LIMIT);
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new AlertFilter.Invalid(
            "limit must be between 1 and " + MAX_LIMIT + ", not " + ctx.queryParam("limit"));
      }
      long before = longParam(ctx, "before", Long.MAX_VALUE);
      AlertLog.Page page = alerts.query(filter, clock.instant(), limit, before);
      ctx.result(DashboardJson.page(page, filter, alerts.size()));
    } catch (AlertFilter.Invalid e) {
      ctx.status(HttpStatus.BAD_REQUEST).result(DashboardJson.error(e.getMessage()));
    }
  }

  private void storyJson(Context ctx) {
    json(ctx);
    String id = ctx.pathParam("id");
    alerts
        .story(id)
        .ifPresentOrElse(
            story -> ctx.result(DashboardJson.story(story)),
            () ->
                ctx.status(HttpStatus.NOT_FOUND)
                    .result(
                        DashboardJson.error(
                            "no story '"
                                + id
                                + "' among the "
                                + alerts.size()
                                + " newest alerts held here")));
  }

  private void admitStream(Context ctx) {
    try {
      stream.admit(ctx);
    } catch (AlertFilter.Invalid e) {
      ctx.status(HttpStatus.BAD_REQUEST)
          .contentType("application/json")
          .result(DashboardJson.error(e.getMessage()));
      ctx.skipRemainingHandlers();
    }
  }

  private static void html(Context ctx, String page) {
    ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-store").result(page);
  }

  private static void json(Context ctx) {
    ctx.contentType("application/json").header("Cache-Control", "no-store");
  }

  private static long longParam(Context ctx, String name, long absent) {
    String value = blankToNull(ctx.queryParam(name));
    if (value == null) {
      return absent;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new AlertFilter.Invalid(name + " must be a whole number, not '" + value + "'");
    }
  }

  private static int parseInt(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new AlertFilter.Invalid(name + " must be a whole number, not '" + value + "'");
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static Set<String> alertParameters() {
    Set<String> p = new TreeSet<>(AlertFilter.PARAMETERS);
    p.addAll(List.of("limit", "before"));
    return java.util.Collections.unmodifiableSet(p);
  }

  /** The chart library's script, from its WebJar, whose version the build wrote down. */
  static String chartScript() {
    Properties p = new Properties();
    try (InputStream in = Dashboard.class.getResourceAsStream("dashboard.properties")) {
      if (in == null) {
        throw new IllegalStateException("dashboard.properties is missing from the classpath");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = p.getProperty("chartjs.version", "").toLowerCase(Locale.ROOT);
    return "/webjars/chart.js/" + version + "/dist/chart.umd.min.js";
  }
}
