package dev.bellwether.core.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermsTest {
  @Test
  void keepsTheNamesOfTitleAndLeadWithoutSentenceWordsOrDates() {
    List<String> terms =
        Terms.of(
            "Nvidia to buy Israel's Run:ai",
            "The deal, announced on Wednesday in Tel Aviv, values Run:ai at $700 million, AT&T's"
                + " analysts said. It is Nvidia's second deal in April.");

    assertThat(terms)
        .contains("nvidia", "israel", "tel", "aviv", "run:ai", "at&t")
        .doesNotContain("the", "it", "wednesday", "april", "to", "deal");
  }

  @Test
  void readsOnlyTheStartOfALongText() {
    String late = " filler".repeat(Terms.READ) + " Zyxcorp appears late.";

    assertThat(Terms.of("", late)).doesNotContain("zyxcorp");
    assertThat(Terms.of("", "x".repeat(10) + late)).hasSizeLessThanOrEqualTo(Terms.KEPT);
  }

  @Test
  void measuresSharedNamesAgainstBothSizes() {
    assertThat(Terms.overlap(List.of("a", "b"), List.of("a", "b"))).isEqualTo(1.0);
    assertThat(Terms.overlap(List.of("a", "b"), List.of("a", "b", "c", "d"))).isEqualTo(2.0 / 3);
    assertThat(Terms.overlap(List.of(), List.of("a"))).isZero();
  }
}
