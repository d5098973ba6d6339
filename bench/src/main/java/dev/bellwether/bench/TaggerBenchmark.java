package dev.bellwether.bench;

import dev.bellwether.core.tagging.Tagger;
import dev.bellwether.core.tagging.Tagging;
import dev.bellwether.processors.model.BuiltInModel;
import dev.bellwether.processors.model.MiniLmEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Throughput of {@link Tagger#tag} on one core. One operation tags one article of the {@link
 * ArticleCorpus}, the articles taken in turn; MB/s = ops/s × the mean article size printed at
 * set-up.
 */
public class TaggerBenchmark extends CorpusBenchmark {
  private Tagger tagger;

  /**
   * {@code none}: the rules alone; {@code builtin}: with the learned event model beside them
   * (docs/tagging.md).
   */
  @Param({"none", "builtin"})
  public String model = "none";

  @Setup
  public void setUp() {
    tagger =
        model.equals("none")
            ? Tagger.builtIn()
            : Tagger.builtIn()
                .withModel(
                    MiniLmEncoder.shared(),
                    BuiltInModel.load().orElseThrow(() -> new IllegalStateException("no model")));
    System.out.println("[corpus] " + readCorpus());
  }

  @Benchmark
  public Tagging tag() {
    return tagger.tag(nextArticle());
  }
}
