package dev.bellwether.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Scores the extractor on Trafilatura's evaluation benchmark (990 real pages in about 20 languages,
 * {@code ../shared/corpora/trafilatura}, read in place; skipped when absent) with Trafilatura's own
 * measure, as {@code ../shared/tools/score_extraction.py snippets} computes it ({@link
 * SnippetCorpus}). Pages go through what the page fetcher runs: decoding from bytes, then {@link
 * ArticleExtractor}.
 *
 * <p>The floors are issue 20's bar over all pages: F1 0.93 with precision 0.90 (Trafilatura 2.2.0
 * scores 0.924). The held-out quarter, printed beside, is lower (docs/benchmarks.md) and not
 * asserted: it is the honest estimate for pages never seen, not a target. Predictions are written
 * to {@code target/trafilatura-pred.jsonl} for the script.
 */
class TrafilaturaCorpusTest {
  private static final double MIN_F1 = 0.93;
  private static final double MIN_PRECISION = 0.90;

  @Test
  void keepsTheArticleAndLeavesTheBoilerplateOnTrafilaturasBenchmark() throws IOException {
    Path folder = SnippetCorpus.folder();
    Assumptions.assumeTrue(
        folder != null,
        "../shared/corpora/trafilatura not found beside the project root; benchmark test skipped");
    List<SnippetCorpus.Page> pages = SnippetCorpus.all(folder);
    ArticleExtractor extractor = new ArticleExtractor();
    Map<SnippetCorpus.Page, String> texts = new HashMap<>();
    for (SnippetCorpus.Page page : pages) {
      texts.put(page, SnippetCorpus.extract(extractor, page));
    }
    SnippetCorpus.Score all = SnippetCorpus.score(pages, texts::get);
    SnippetCorpus.Score dev =
        SnippetCorpus.score(
            pages.stream().filter(p -> p.split().equals("dev")).toList(), texts::get);
    SnippetCorpus.Score held =
        SnippetCorpus.score(
            pages.stream().filter(p -> p.split().equals("test")).toList(), texts::get);
    System.out.printf(
        Locale.ROOT,
        "Trafilatura benchmark, %d pages: %s; development split %s; held-out split %s%n",
        pages.size(),
        all,
        dev,
        held);

    assertThat(pages).hasSize(990);
    assertThat(all.f1()).as("micro F1 over all pages").isGreaterThanOrEqualTo(MIN_F1);
    assertThat(all.precision()).as("precision").isGreaterThanOrEqualTo(MIN_PRECISION);
  }

  @Test
  void scoresSnippetsAsTheScriptDoes() {
    SnippetCorpus.Page page =
        new SnippetCorpus.Page(
            "https://x.example/a",
            Path.of("a.html"),
            List.of("the  article\nsays", "missing"),
            List.of("Related stories", "Impressum"));

    SnippetCorpus.Score score = SnippetCorpus.Score.of(page, "The article says so.\n\nImpressum");

    assertThat(score).isEqualTo(new SnippetCorpus.Score(0, 2, 1, 1));
  }

  @Test
  void holdsOutPagesByTheCrc32OfTheirFileNameAsPythonsZlibComputesIt() {
    // zlib.crc32(name.encode()) % 4 == 0 in Python gives the same held-out pages
    assertThat(SnippetCorpus.Page.split("a.html")).isEqualTo("test");
    assertThat(SnippetCorpus.Page.split("f.html")).isEqualTo("test");
    assertThat(SnippetCorpus.Page.split("b.html")).isEqualTo("dev");
    assertThat(SnippetCorpus.Page.split("golem.de.wimax.html")).isEqualTo("dev");
  }
}
