package dev.bellwether.core.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordLexiconTest {
  private static final WordLexicon LEXICON =
      WordLexicon.of(
          List.of(
              new WordLexicon.Entry("talks", 1),
              new WordLexicon.Entry("negotiat*", 2),
              new WordLexicon.Entry("led", 4),
              new WordLexicon.Entry("u", 8)));

  private static long scan(String text) {
    return LEXICON.scan(text, 0, text.length());
  }

  @Test
  void anExactWordMatchesOnlyItself() {
    assertThat(scan("the talks went on")).isEqualTo(1);
    assertThat(scan("he talked and talksx")).isZero();
  }

  @Test
  void aStarredEntryMatchesEveryWordThatStartsSo() {
    assertThat(scan("they are negotiating")).isEqualTo(2);
    assertThat(scan("renegotiating")).isZero(); // only at the start of a word
  }

  @Test
  void readsWordsWithoutRegardToCaseAndSplitsAtAnythingButAsciiLettersAndDigits() {
    assertThat(scan("Co-Led by X; TALKS")).isEqualTo(1 | 4);
    assertThat(scan("the U.S. said")).isEqualTo(8);
    assertThat(scan("éled")).isEqualTo(4); // é is not an ASCII letter: "led" starts a word
  }

  @Test
  void scansOnlyTheGivenRange() {
    String text = "talks then negotiations";
    assertThat(LEXICON.scan(text, 6, text.length())).isEqualTo(2);
    assertThat(LEXICON.scan(text, 0, 5)).isEqualTo(1);
  }

  @Test
  void scanningEverySentenceAtOnceGivesEachSentencesOwnFlags() {
    String text = "They talks. Plans negotiating now! x. Talks talks talks about negotiations? End";
    Sentences sentences = new Sentences(text);
    int[][] ranges = {{0, 11}, {12, 34}, {35, 37}, {38, 75}, {76, 79}};
    for (int[] r : ranges) {
      sentences.add(r[0], r[1]);
    }
    long[] flags = LEXICON.scanEach(text, sentences);
    assertThat(flags).hasSize(ranges.length);
    for (int k = 0; k < ranges.length; k++) {
      assertThat(flags[k])
          .as("sentence %d", k)
          .isEqualTo(LEXICON.scan(text, ranges[k][0], ranges[k][1]));
    }
    assertThat(flags[0]).isNotZero();
    assertThat(flags[2]).isZero();
  }
}
