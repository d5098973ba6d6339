package dev.bellwether.processors.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The summary an alert carries: the article's start on one line, cut with an ellipsis. */
class StoryAlertsSummaryTest {
  @Test
  void whiteSpaceRunsBecomeOneSpaceAndTheEndsAreTrimmed() {
    assertThat(StoryAlerts.summary("  \n OpenAI\t raised\r\n\n$40 billion.  \n"))
        .isEqualTo("OpenAI raised $40 billion.");
    assertThat(StoryAlerts.summary(" \n\t ")).isEmpty();
  }

  @Test
  void aLongTextIsCutAtTheLimitWithAnEllipsisReadingOnlyItsStart() {
    String text = "word ".repeat(30_000); // 150,000 characters
    String summary = StoryAlerts.summary(text);

    assertThat(summary).hasSizeLessThanOrEqualTo(400).endsWith("…").startsWith("word word");
    assertThat(summary).doesNotContain("  ");
  }

  @Test
  void aTextOfExactlyTheLimitIsKeptWhole() {
    String text = "a".repeat(400);
    assertThat(StoryAlerts.summary(text)).isEqualTo(text);
    assertThat(StoryAlerts.summary(text + "b")).hasSize(400).endsWith("…");
  }
}
