package dev.bellwether.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The naive baseline on the same corpus as {@link TaggerBenchmark}: one {@code java.util.regex} per
 * alias, product and cue phrase, each run over the whole article ({@link NaiveTagger}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class NaiveBaselineBenchmark {
  private NaiveTagger naive;

  /**
   * {@code news}: real article text with one event each ({@link NewsCorpus}); {@code dense}: the
   * labeled event texts with some filler ({@link ArticleCorpus}).
   */
  @Param({"news", "dense"})
  public String corpus = "news";

  private String[] articles;
  private int next;

  @Setup
  public void setUp() {
    naive = NaiveTagger.builtIn();
    ArticleCorpus texts = ArticleCorpus.named(corpus);
    List<String> list = texts.articles();
    articles = list.toArray(new String[0]);
    System.out.println("[corpus] " + texts.describe() + "; " + naive.patternCount() + " patterns");
  }

  @Benchmark
  public NaiveTagger.Result tag() {
    String article = articles[next];
    next = next + 1 == articles.length ? 0 : next + 1;
    return naive.tag(article);
  }
}
