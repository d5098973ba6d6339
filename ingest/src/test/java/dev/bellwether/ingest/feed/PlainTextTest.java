package dev.bellwether.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlainTextTest {
  @Test
  void removesTagsButKeepsWordsOfInlineElementsTogether() {
    assertThat(PlainText.of("<p>Open<b>AI</b> raises</p><p>money</p>"))
        .isEqualTo("OpenAI raises money");
  }

  @Test
  void dropsScriptsStylesAndComments() {
    assertThat(PlainText.of("a<script>var x = '<p>';</script>b<style>p{}</style><!-- c -->d"))
        .isEqualTo("a b d");
  }

  @Test
  void decodesNamedAndNumericReferences() {
    assertThat(PlainText.of("AT&amp;T &#8212; &#x2019;s &eacute; &unknown; & more"))
        .isEqualTo("AT&T \u2014 \u2019s \u00e9 &unknown; & more");
  }

  @Test
  void decodedAngleBracketsStayText() {
    assertThat(PlainText.of("1 &lt; 2 &amp;&amp; &lt;b&gt;")).isEqualTo("1 < 2 && <b>");
  }

  @Test
  void collapsesWhitespaceIncludingNoBreakSpaces() {
    assertThat(PlainText.of("  one\n\t two&nbsp;&nbsp;three  ")).isEqualTo("one two three");
  }

  @Test
  void keepsALoneLessThanSign() {
    assertThat(PlainText.of("revenue < costs")).isEqualTo("revenue < costs");
  }

  @Test
  void returnsNullForNoText() {
    assertThat(PlainText.of(null)).isNull();
    assertThat(PlainText.of("<p> </p>")).isNull();
  }

  @Test
  void staysLinearOnHostileMarkup() {
    String hostile = "<script".repeat(200_000) + "<a".repeat(200_000) + "&".repeat(200_000);
    long start = System.nanoTime();

    PlainText.of(hostile);

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(Duration.ofSeconds(20)); // a hang guard, not a speed target
  }
}
