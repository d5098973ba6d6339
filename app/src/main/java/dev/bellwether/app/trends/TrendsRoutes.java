package dev.bellwether.app.trends;

import dev.bellwether.processors.trends.TrendsAnswers;
import dev.bellwether.processors.trends.TrendsRequest;
import dev.bellwether.processors.trends.TrendsUnavailable;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/trends?company=&type=&window=hour|day&from=&to=}: counts per company and event
 * type as JSON ({@link TrendsJson}). 400 with {@code {"error": ...}} for a parameter that cannot be
 * used, 503 while the processors are not running or an instance owning some keys does not answer.
 * {@code local=true} answers from this instance's stores only: what instances ask each other.
 * Read-only.
 */
public final class TrendsRoutes {
  public static final String PATH = "/api/trends";

  private static final Set<String> PARAMETERS =
      Set.of("company", "type", "window", "from", "to", "local");

  private TrendsRoutes() {}

  /**
   * The route, answered by whatever {@code answers} gives at the time of the request (nothing while
   * the processors are still starting: 503).
   */
  public static Consumer<JavalinConfig> serving(
      Supplier<@Nullable TrendsAnswers> answers, Clock clock) {
    return serving(answers, clock, "the processors are starting; try again shortly");
  }

  /** The route; while {@code answers} gives nothing, 503 with {@code absent} as the error. */
  public static Consumer<JavalinConfig> serving(
      Supplier<@Nullable TrendsAnswers> answers, Clock clock, String absent) {
    return config -> config.routes.get(PATH, ctx -> answer(ctx, answers.get(), clock, absent));
  }

  private static void answer(
      Context ctx, @Nullable TrendsAnswers answers, Clock clock, String absent) {
    ctx.contentType("application/json").header("Cache-Control", "no-store");
    try {
      rejectUnknownParameters(ctx);
      boolean local = local(ctx.queryParam("local"));
      TrendsRequest request = TrendsRequest.parse(ctx::queryParam, clock.instant());
      if (answers == null) {
        throw new TrendsUnavailable(absent);
      }
      ctx.result(TrendsJson.write(local ? answers.queryLocal(request) : answers.query(request)));
    } catch (TrendsRequest.Invalid e) {
      ctx.status(HttpStatus.BAD_REQUEST).result(TrendsJson.error(e.getMessage()));
    } catch (TrendsUnavailable e) {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header("Retry-After", "1")
          .result(TrendsJson.error(e.getMessage()));
    }
  }

  private static void rejectUnknownParameters(Context ctx) {
    Set<String> unknown = new TreeSet<>(ctx.queryParamMap().keySet());
    unknown.removeAll(PARAMETERS);
    if (!unknown.isEmpty()) {
      throw new TrendsRequest.Invalid(
          "unknown parameter " + String.join(", ", unknown) + "; use " + new TreeSet<>(PARAMETERS));
    }
  }

  private static boolean local(@Nullable String value) {
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw new TrendsRequest.Invalid("local must be true or false, not '" + value + "'");
  }
}
