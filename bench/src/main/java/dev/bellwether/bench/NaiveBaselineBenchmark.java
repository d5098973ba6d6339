package dev.bellwether.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * The naive baseline on the same corpus as {@link TaggerBenchmark}: one {@code java.util.regex} per
 * alias, product and cue phrase, each run over the whole article ({@link NaiveTagger}).
 */
public class NaiveBaselineBenchmark extends CorpusBenchmark {
  private NaiveTagger naive;

  @Setup
  public void setUp() {
    naive = NaiveTagger.builtIn();
    System.out.println("[corpus] " + readCorpus() + "; " + naive.patternCount() + " patterns");
  }

  @Benchmark
  public NaiveTagger.Result tag() {
    return naive.tag(nextArticle());
  }
}
