package dev.bellwether.dashboard.trends;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Answers trends requests for {@link TrendsRoute}. */
public interface TrendsSource {
  /**
   * The counts that {@code parameters} ({@code company}, {@code type}, {@code window}, {@code
   * from}, {@code to}) ask for; with {@code local}, from this instance's own stores only.
   *
   * @throws Invalid when a parameter cannot be used
   * @throws Unavailable when the answer cannot be complete now
   */
  TrendCounts counts(Function<String, @Nullable String> parameters, boolean local);

  /** A parameter that cannot be used, said in one sentence: {@code 400}. */
  final class Invalid extends IllegalArgumentException {
    public Invalid(String message, Throwable cause) {
      super(message, cause);
    }

    public Invalid(String message) {
      super(message);
    }
  }

  /** The counts cannot be answered now, try again shortly: {@code 503}. */
  final class Unavailable extends RuntimeException {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }

    public Unavailable(String message) {
      super(message);
    }
  }
}
