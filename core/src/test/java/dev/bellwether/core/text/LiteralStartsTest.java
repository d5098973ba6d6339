package dev.bellwether.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LiteralStartsTest {
  @Test
  void findsTheFirstStartOfAnyTextAsABruteForceSearchDoes() {
    List<String> texts = List.of("rais", "raised", "fund", "un", "n", "é", "éta", "fun");
    String alphabet = "raisefundé tx-";
    Random random = new Random(7);
    for (boolean boundary : new boolean[] {false, true}) {
      LiteralStarts automaton = new LiteralStarts(texts, boundary);
      for (int round = 0; round < 2_000; round++) {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(30); k > 0; k--) {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        for (int from = 0; from <= text.length(); from++) {
          assertThat(automaton.next(text, from))
              .as("%s from %d, boundary %s", text, from, boundary)
              .isEqualTo(bruteForce(text, from, texts, boundary));
        }
      }
    }
  }

  @Test
  void anExpressionsTextsComeFromMatchStarts() {
    MatchStarts starts = MatchStarts.of("\\b(?:raised|raising|closed) ").orElseThrow();
    assertThat(starts.texts()).isNotNull().isNotEmpty();
    assertThat(starts.atBoundary()).isTrue();
    assertThat(new LiteralStarts(starts.texts(), true).next("it has raised $5", 0)).isEqualTo(7);
  }

  private static int bruteForce(CharSequence text, int from, List<String> texts, boolean boundary) {
    for (int i = from; i < text.length(); i++) {
      for (String t : texts) {
        if (i + t.length() <= text.length()
            && text.subSequence(i, i + t.length()).toString().equals(t)
            && (!boundary || MatchStarts.maybeBoundary(text, i, text.charAt(i)))) {
          return i;
        }
      }
    }
    return -1;
  }
}
