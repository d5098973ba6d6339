package dev.bellwether.ingest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalUrlTest {
  private static String canonical(String url) {
    return CanonicalUrl.of(URI.create(url)).orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "https://news.example/ai/story?utm_source=rss&utm_medium=feed",
        "https://news.example/ai/story?fbclid=IwAR0abc",
        "https://news.example/ai/story?gclid=x&mc_cid=y&mc_eid=z",
        "https://news.example/ai/story?ref=homepage&cmpid=rss&ocid=msn",
        "https://news.example/ai/story?guccounter=1&sr_share=twitter",
        "https://news.example/ai/story?UTM_Campaign=Spring",
        "https://news.example/ai/story#comments",
        "HTTPS://NEWS.EXAMPLE/ai/story",
        "http://news.example/ai/story",
        "https://news.example:443/ai/story",
        "http://news.example:80/ai/story",
        "https://news.example./ai/story",
        "https://news.example/ai/./other/../story",
        "https://reader:secret@news.example/ai/story",
      })
  void dropsWhatDoesNotChangeTheArticle(String variant) {
    assertThat(canonical(variant)).isEqualTo("https://news.example/ai/story");
  }

  @Test
  void sortsTheParametersThatRemain() {
    assertThat(canonical("https://news.example/view?p=2&id=17&utm_source=x"))
        .isEqualTo("https://news.example/view?id=17&p=2");
  }

  @Test
  void keepsWhatMayNameAnotherPage() {
    assertThat(canonical("https://news.example/AI/Story"))
        .isEqualTo("https://news.example/AI/Story");
    assertThat(canonical("https://news.example/ai/story/"))
        .isEqualTo("https://news.example/ai/story/");
    assertThat(canonical("https://news.example/ai/index.html"))
        .isEqualTo("https://news.example/ai/index.html");
    assertThat(canonical("https://news.example:8443/ai/story"))
        .isEqualTo("https://news.example:8443/ai/story");
    assertThat(canonical("https://news.example/view?id=17&reference=a"))
        .isEqualTo("https://news.example/view?id=17&reference=a");
  }

  @Test
  void givesEmptyPathsASlashAndUpperCasesEscapes() {
    assertThat(canonical("https://news.example")).isEqualTo("https://news.example/");
    assertThat(canonical("https://news.example/a%2fb")).isEqualTo("https://news.example/a%2Fb");
  }

  @Test
  void refusesWhatIsNotAnHttpUrl() {
    assertThat(CanonicalUrl.of(URI.create("mailto:tips@news.example"))).isEmpty();
    assertThat(CanonicalUrl.of(URI.create("urn:uuid:1234"))).isEmpty();
    assertThat(CanonicalUrl.of(URI.create("ftp://news.example/a"))).isEmpty();
  }
}
