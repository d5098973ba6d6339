package dev.bellwether.dashboard.trends;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/trends?company=&type=&window=hour|day&from=&to=}: counts per company and event
 * type as JSON ({@link TrendsJson}). 400 with {@code {"error": ...}} for a parameter that cannot be
 * used, 503 with {@code Retry-After} while the counts cannot be answered. {@code local=true}
 * answers from this instance's stores only: what instances ask each other. Read-only.
 */
public final class TrendsRoute {
  public static final String PATH = "/api/trends";

  private static final Set<String> PARAMETERS =
      Set.of("company", "type", "window", "from", "to", "local");

  private TrendsRoute() {}

  /** The route, answered by {@code source}; to add to a server's configuration before it starts. */
  public static Consumer<JavalinConfig> serving(TrendsSource source) {
    return config -> config.routes.get(PATH, ctx -> answer(ctx, source));
  }

  private static void answer(Context ctx, TrendsSource source) {
    ctx.contentType("application/json").header("Cache-Control", "no-store");
    try {
      rejectUnknownParameters(ctx);
      boolean local = local(ctx.queryParam("local"));
      ctx.result(TrendsJson.write(source.counts(ctx::queryParam, local)));
    } catch (TrendsSource.Invalid e) {
      ctx.status(HttpStatus.BAD_REQUEST).result(TrendsJson.error(e.getMessage()));
    } catch (TrendsSource.Unavailable e) {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header("Retry-After", "1")
          .result(TrendsJson.error(e.getMessage()));
    }
  }

  private static void rejectUnknownParameters(Context ctx) {
    Set<String> unknown = new TreeSet<>(ctx.queryParamMap().keySet());
    unknown.removeAll(PARAMETERS);
    if (!unknown.isEmpty()) {
      throw new TrendsSource.Invalid(
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
    throw new TrendsSource.Invalid("local must be true or false, not '" + value + "'");
  }
}
