package dev.bellwether.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs each benchmark method once (no timing): the set-up works and the taggers find things. */
class BenchmarksTest {
  @Test
  void corpusIsArticleSized() {
    ArticleCorpus corpus = ArticleCorpus.load();
    assertThat(corpus.totalBytes()).isGreaterThan(200_000);
    assertThat(corpus.articles()).allSatisfy(a -> assertThat(a.length()).isBetween(1000, 6200));
  }

  @Test
  void taggerBenchmarkTagsAnArticle() {
    TaggerBenchmark b = new TaggerBenchmark();
    b.setUp();
    assertThat(b.tag().companies()).isNotEmpty();
  }

  @Test
  void naiveBaselineFindsCompaniesAndCues() {
    NaiveBaselineBenchmark b = new NaiveBaselineBenchmark();
    b.setUp();
    NaiveTagger.Result r = b.tag();
    assertThat(r.companies()).isNotEmpty();
    assertThat(r.eventTypes()).isNotEmpty();
  }

  @Test
  void readsTheTextFieldOfAJsonLine() {
    assertThat(ArticleCorpus.textField("{\"id\": \"x\", \"text\": \"a \\\"b\\\" \\u00e9\\n\"}"))
        .isEqualTo("a \"b\" é\n");
  }
}
