package dev.bellwether.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the tagging benchmarks share: the corpus, read once, and its articles handed out in turn,
 * one an operation; throughput on one thread, 3 warm-up and 5 measured iterations of 5 s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public abstract class CorpusBenchmark {
  /**
   * {@code news}: real article text with one event each ({@link NewsCorpus}); {@code dense}: the
   * labeled event texts with some filler ({@link ArticleCorpus}).
   */
  @Param({"news", "dense"})
  public String corpus = "news";

  private String[] articles = new String[0];
  private int next;

  /** Reads the corpus; returns its description for the set-up line. */
  protected String readCorpus() {
    ArticleCorpus texts = ArticleCorpus.named(corpus);
    articles = texts.articles().toArray(new String[0]);
    return texts.describe();
  }

  /** The next article, the first again after the last. */
  protected String nextArticle() {
    String article = articles[next];
    next = next + 1 == articles.length ? 0 : next + 1;
    return article;
  }
}
