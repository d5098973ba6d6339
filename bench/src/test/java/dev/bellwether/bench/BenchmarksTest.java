package dev.bellwether.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
    b.corpus = "dense";
    b.setUp();
    assertThat(b.tag().companies()).isNotEmpty();
  }

  @Test
  void newsCorpusIsRealPagesWithOneEventEach() {
    assumeTrue(
        NewsCorpus.available(), "../shared/corpora/readability is absent: news corpus skipped");
    ArticleCorpus news = NewsCorpus.load();
    assertThat(news.articles()).hasSizeGreaterThan(100);
    assertThat(news.totalBytes()).isGreaterThan(1_000_000);
    TaggerBenchmark b = new TaggerBenchmark();
    b.corpus = "news";
    b.setUp();
    assertThat(b.tag().companies()).isNotEmpty(); // the first article's inserted event text
  }

  @Test
  void readsInnermostBlocksAsParagraphs() {
    assertThat(NewsCorpus.paragraphs("<div><p>One <b>two</b>.</p><ul><li>Three</li></ul></div>"))
        .containsExactly("One two.", "Three");
  }

  @Test
  void naiveBaselineFindsCompaniesAndCues() {
    NaiveBaselineBenchmark b = new NaiveBaselineBenchmark();
    b.corpus = "dense";
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
