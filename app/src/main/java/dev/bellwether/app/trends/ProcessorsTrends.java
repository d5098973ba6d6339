package dev.bellwether.app.trends;

import dev.bellwether.dashboard.trends.TrendCounts;
import dev.bellwether.dashboard.trends.TrendsSource;
import dev.bellwether.processors.trends.Trends;
import dev.bellwether.processors.trends.TrendsAnswers;
import dev.bellwether.processors.trends.TrendsRequest;
import dev.bellwether.processors.trends.TrendsUnavailable;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's trends requests answered by the processors' counts: the parameters read as a
 * {@link TrendsRequest}, asked of whatever {@link TrendsAnswers} there is at the time of the
 * request, the answer converted to the dashboard's {@link TrendCounts}.
 */
public final class ProcessorsTrends implements TrendsSource {
  private final Supplier<@Nullable TrendsAnswers> answers;
  private final Clock clock;
  private final String absent;

  private ProcessorsTrends(Supplier<@Nullable TrendsAnswers> answers, Clock clock, String absent) {
    this.answers = answers;
    this.clock = clock;
    this.absent = absent;
  }

  /** Answered by what {@code answers} gives; nothing while the processors are still starting. */
  public static ProcessorsTrends of(Supplier<@Nullable TrendsAnswers> answers, Clock clock) {
    return of(answers, clock, "the processors are starting; try again shortly");
  }

  /**
   * Answered by what {@code answers} gives; while it gives nothing, unavailable with {@code
   * absent}.
   */
  public static ProcessorsTrends of(
      Supplier<@Nullable TrendsAnswers> answers, Clock clock, String absent) {
    return new ProcessorsTrends(answers, clock, absent);
  }

  @Override
  public TrendCounts counts(Function<String, @Nullable String> parameters, boolean local) {
    TrendsRequest request;
    try {
      request = TrendsRequest.parse(parameters, clock.instant());
    } catch (TrendsRequest.Invalid e) {
      throw new TrendsSource.Invalid(e.getMessage(), e);
    }
    TrendsAnswers now = answers.get();
    if (now == null) {
      throw new TrendsSource.Unavailable(absent);
    }
    try {
      return counts(local ? now.queryLocal(request) : now.query(request));
    } catch (TrendsUnavailable e) {
      throw new TrendsSource.Unavailable(e.getMessage(), e);
    }
  }

  static TrendCounts counts(Trends trends) {
    return new TrendCounts(trends.window().label(), trends.from(), trends.to(), trends.series());
  }
}
