package dev.bellwether.core.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static final String WIRE =
      "Nvidia said on Tuesday it would buy Enfabrica, a startup that makes networking chips for AI"
          + " servers, for $900 million in cash, its latest deal to strengthen its data center"
          + " business.";
  private static final String COPY =
      "(Reuters) - Nvidia said on Tuesday it would buy Enfabrica, a startup that makes networking"
          + " chips for AI servers, for $900 million in cash, its latest deal to strengthen its"
          + " data centre business.";
  private static final String RETOLD =
      "NVIDIA today announced it has signed a definitive agreement to acquire Enfabrica, a"
          + " developer of networking silicon for AI data centers, for $900 million in cash.";

  @Test
  void isTheSameOnEveryRunAndJvm() {
    // pinned: fixed seeds and our own hashing, so stores written by one instance read on another
    int[] v = Fingerprint.of("OpenAI raises $40 billion led by SoftBank").toArray();
    assertThat(v).hasSize(Fingerprint.SIZE);
    assertThat(Fingerprint.of("OpenAI raises $40 billion led by SoftBank").toArray())
        .containsExactly(v);
    assertThat(new int[] {v[0], v[1], v[2]}).containsExactly(10598172, 1088576056, 413692535);
  }

  @Test
  void ignoresCaseAndPunctuation() {
    Fingerprint a = Fingerprint.of("OpenAI raises $40 billion, led by SoftBank.");
    Fingerprint b = Fingerprint.of("openai RAISES 40 billion -- led by softbank");
    assertThat(a.similarity(b)).isEqualTo(1.0);
  }

  @Test
  void findsSyndicatedCopiesSimilarAndRetellingsNot() {
    Fingerprint wire = Fingerprint.of(WIRE);
    assertThat(wire.similarity(Fingerprint.of(COPY))).isGreaterThan(0.6);
    assertThat(wire.similarity(Fingerprint.of(RETOLD))).isLessThan(0.3);
    assertThat(wire.similarity(Fingerprint.of("Cerebras files for a Nasdaq IPO"))).isLessThan(0.1);
  }

  @Test
  void textWithoutWordsIsSimilarToNothing() {
    Fingerprint empty = Fingerprint.of(" -- !! ");
    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.similarity(empty)).isZero();
  }

  @Test
  void readsShortTextsOfFewerWordsThanAShingle() {
    assertThat(Fingerprint.of("Nvidia").similarity(Fingerprint.of("NVIDIA!"))).isEqualTo(1.0);
    assertThat(Fingerprint.of("Nvidia").similarity(Fingerprint.of("Groq"))).isLessThan(0.1);
  }

  @Test
  void readsOnlyTheFirstShinglesOfAVeryLongText() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Fingerprint.MAX_SHINGLES + 10; i++) {
      text.append("word").append(i).append(' ');
    }
    Fingerprint a = Fingerprint.of(text.toString());
    Fingerprint b = Fingerprint.of(text + " and a very different ending that is never read");
    assertThat(a).isEqualTo(b);
  }

  @Test
  void roundTripsThroughItsValues() {
    Fingerprint f = Fingerprint.of(WIRE);
    assertThat(Fingerprint.fromArray(f.toArray())).isEqualTo(f);
    assertThat(Fingerprint.fromArray(Fingerprint.of("").toArray()).isEmpty()).isTrue();
    assertThatThrownBy(() -> Fingerprint.fromArray(new int[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64");
  }
}
