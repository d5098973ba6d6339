package dev.bellwether.core.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AiContextTest {
  @Test
  void findsAnAiWordOrPhraseInTitleOrLead() {
    assertThat(
            AiContext.of("Decart raises $100 million", "Decart, an Israeli AI video startup, said"))
        .isTrue();
    assertThat(AiContext.of("Fluxo bought", "The Munich robotics startup Fluxo was acquired."))
        .isTrue();
    assertThat(AiContext.of("GPU-cloud firm lands $300M", "")).isTrue();
    assertThat(AiContext.of("", "It builds large-language models for banks.")).isTrue();
    assertThat(AiContext.of("", "The A.I. lab said on Monday.")).isTrue();
  }

  @Test
  void readsNothingIntoWordsThatOnlyContainAnAiWord() {
    assertThat(AiContext.of("Brewer raises $120 million", "The Ohio brewer said it will expand."))
        .isFalse();
    assertThat(AiContext.of("Main street retailer", "Aisle maker Airtable... no, a chair maker."))
        .isFalse();
  }

  @Test
  void readsOnlyTheLead() {
    String text = "A furniture maker raised money. " + "More. ".repeat(200) + "It plans AI tools.";

    assertThat(AiContext.of("Chairs for all", text)).isFalse();
  }
}
