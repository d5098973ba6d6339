package dev.bellwether.core.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
  private static final SentenceSplitter SPLITTER =
      new SentenceSplitter(CueBook.builtIn().words("abbreviations"));

  private static List<String> split(String text) {
    Sentences sentences = SPLITTER.split(text);
    List<String> texts = new ArrayList<>();
    for (int k = 0; k < sentences.count(); k++) {
      Sentence s = sentences.get(k);
      assertThat(text.substring(sentences.start(k), sentences.end(k))).isEqualTo(s.text());
      texts.add(s.text());
    }
    return texts;
  }

  @Test
  void splitsAtEndMarksBeforeACapitalOrQuoteAndTrimsWhiteSpace() {
    assertThat(split("  Acme raised $5 million. It plans more!  “Soon,” she said?  ok"))
        .containsExactly("Acme raised $5 million.", "It plans more!", "“Soon,” she said?  ok");
  }

  @Test
  void keepsAbbreviationsAndInitialsInsideASentence() {
    assertThat(split("Acme Inc. and the U.S. Commerce Dept. met J. Smith. Then they left."))
        .containsExactly("Acme Inc. and the U.S. Commerce Dept. met J. Smith.", "Then they left.");
  }

  @Test
  void lineBreaksAlwaysEndASentence() {
    assertThat(split("Headline without a stop\nbody text.\n\n"))
        .containsExactly("Headline without a stop", "body text.");
  }

  @Test
  void manySentencesKeepTheirOffsets() {
    String text = "Go now. ".repeat(100);
    Sentences sentences = SPLITTER.split(text);
    assertThat(sentences.count()).isEqualTo(100);
    assertThat(sentences.start(99)).isEqualTo(99 * 8);
    assertThat(sentences.end(99)).isEqualTo(99 * 8 + 7);
  }
}
