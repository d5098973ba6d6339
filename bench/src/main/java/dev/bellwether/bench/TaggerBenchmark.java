package dev.bellwether.bench;

import dev.bellwether.core.tagging.Tagger;
import dev.bellwether.core.tagging.Tagging;
import dev.bellwether.processors.model.BuiltInModel;
import dev.bellwether.processors.model.MiniLmEncoder;
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
 * Throughput of {@link Tagger#tag} on one core. One operation tags one article of the {@link
 * ArticleCorpus}, the articles taken in turn; MB/s = ops/s × the mean article size printed at
 * set-up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class TaggerBenchmark {
  private Tagger tagger;

  /**
   * {@code news}: real article text with one event each ({@link NewsCorpus}); {@code dense}: the
   * labeled event texts with some filler ({@link ArticleCorpus}).
   */
  @Param({"news", "dense"})
  public String corpus = "news";

  /**
   * {@code none}: the rules alone; {@code builtin}: with the learned event model beside them
   * (docs/tagging.md).
   */
  @Param({"none", "builtin"})
  public String model = "none";

  private String[] articles;
  private int next;

  @Setup
  public void setUp() {
    tagger =
        model.equals("none")
            ? Tagger.builtIn()
            : Tagger.builtIn()
                .withModel(
                    MiniLmEncoder.shared(),
                    BuiltInModel.load().orElseThrow(() -> new IllegalStateException("no model")));
    ArticleCorpus texts = ArticleCorpus.named(corpus);
    List<String> list = texts.articles();
    articles = list.toArray(new String[0]);
    System.out.println("[corpus] " + texts.describe());
  }

  @Benchmark
  public Tagging tag() {
    String article = articles[next];
    next = next + 1 == articles.length ? 0 : next + 1;
    return tagger.tag(article);
  }
}
