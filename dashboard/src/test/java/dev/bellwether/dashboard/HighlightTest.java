package dev.bellwether.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightTest {
  @Test
  void marksTheCompaniesAsWholeWordsAndTheMoney() {
    List<Highlight.Part> parts =
        Highlight.parts(
            "OpenAI and Metaverse Inc. back Meta's $1.5 billion deal; openai agrees.",
            List.of("OpenAI", "Meta"));

    assertThat(parts.stream().filter(Highlight.Part::marked).map(Highlight.Part::text))
        .containsExactly("OpenAI", "Meta", "$1.5 billion", "openai");
    assertThat(String.join("", parts.stream().map(Highlight.Part::text).toList()))
        .isEqualTo("OpenAI and Metaverse Inc. back Meta's $1.5 billion deal; openai agrees.");
  }

  @Test
  void aSentenceWithNothingToMarkIsOnePlainPart() {
    assertThat(Highlight.parts("Nothing here.", List.of("Nvidia")))
        .containsExactly(new Highlight.Part("Nothing here.", false));
    assertThat(Highlight.parts("", List.of("Nvidia"))).isEmpty();
  }
}
