package dev.bellwether.core.story;

import static dev.bellwether.core.story.Reports.announcedFunding;
import static dev.bellwether.core.story.Reports.funding;
import static dev.bellwether.core.story.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.core.tagging.EventStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertDecisionTest {
  private final StoryBook stories =
      new StoryBook(
          StoryClusterer.withDefaults(), StoryCorpus.EVERYTHING, StoryBook.DEFAULT_LATENESS);

  /** The alert adding the report gave, as a decision ({@code NOTHING} when none). */
  private AlertDecision add(Report r) {
    List<StoryAlert> alerts = stories.add(List.of(r)).alerts();
    return alerts.isEmpty()
        ? new AlertDecision(AlertKind.NOTHING, "nothing new")
        : new AlertDecision(alerts.get(0).kind(), alerts.get(0).reason());
  }

  @Test
  void announcesANewStoryOnceAndUpdatesItAfterwards() {
    List<AlertKind> kinds =
        List.of(
                report("a1", "Bloomberg", 0, announcedFunding("OpenAI", "40000000000")),
                report("a2", "Reuters", 2, announcedFunding("OpenAI", "40000000000")),
                report("a3", "CNBC", 3, announcedFunding("OpenAI", "40000000000")))
            .stream()
            .map(r -> add(r).kind())
            .toList();

    assertThat(kinds).containsExactly(AlertKind.NEW, AlertKind.UPDATE, AlertKind.UPDATE);
    assertThat(stories.stories()).hasSize(1);
  }

  @Test
  void saysWhichOutletStartedTheStory() {
    AlertDecision d = add(report("a1", "Bloomberg", 0, announcedFunding("OpenAI", "1")));

    assertThat(d).isEqualTo(new AlertDecision(AlertKind.NEW, "first report: Bloomberg"));
  }

  @Test
  void updatesOnANewSourceAndSaysHowManyConfirmTheAmount() {
    add(report("a1", "Bloomberg", 0, announcedFunding("OpenAI", "40000000000")));
    add(report("a2", "OpenAI", 1, announcedFunding("OpenAI", "40000000000")));

    AlertDecision d = add(report("a3", "Reuters", 2, announcedFunding("OpenAI", "40000000000")));

    assertThat(d.kind()).isEqualTo(AlertKind.UPDATE);
    assertThat(d.reason()).isEqualTo("amount_usd confirmed by 3 sources; new source: Reuters");
  }

  @Test
  void updatesWhenTheStoryIsAnnounced() {
    add(report("a1", "Bloomberg", 0, funding(EventStatus.REPORTED, "xAI", Map.of())));

    AlertDecision d = add(report("a2", "xAI", 5, funding(EventStatus.ANNOUNCED, "xAI", Map.of())));

    assertThat(d.kind()).isEqualTo(AlertKind.UPDATE);
    assertThat(d.reason()).startsWith("status reported → announced");
  }

  @Test
  void updatesWithANewFactAndAChangedOne() {
    add(report("a1", "Bloomberg", 0, announcedFunding("Anthropic", "13000000000")));
    AlertDecision a =
        add(
            report(
                "a2",
                "Reuters",
                1,
                funding(
                    EventStatus.ANNOUNCED,
                    "Anthropic",
                    Map.of("amount_usd", "12500000000", "round", "Series F"))));

    // a tie: the earlier amount stays, the new one is recorded as a conflict; the round is new
    assertThat(a.reason()).isEqualTo("round: Series F; new source: Reuters");
    assertThat(stories.stories().iterator().next().story().conflicts()).containsKey("amount_usd");

    AlertDecision changed =
        add(report("a3", "CNBC", 2, announcedFunding("Anthropic", "12500000000")));
    assertThat(changed.reason())
        .isEqualTo("amount_usd 13000000000 → 12500000000; new source: CNBC");
  }

  @Test
  void saysNothingWhenTheSameArticleComesAgain() {
    Report r = report("a1", "Reuters", 0, announcedFunding("OpenAI", "40000000000"));
    add(r);

    StoryBook.Outcome again = stories.add(List.of(r));

    assertThat(again.alerts()).isEmpty();
    assertThat(again.changed()).isEmpty();
    assertThat(stories.stories()).hasSize(1);
  }

  @Test
  void saysNothingWhenAnOutvotedArticleComesAgain() {
    Report early = report("a1", "Rumours", 0, announcedFunding("OpenAI", "32000000000"));
    add(early);
    add(report("a2", "OpenAI", 1, announcedFunding("OpenAI", "33000000000")));
    add(report("a3", "Reuters", 2, announcedFunding("OpenAI", "33000000000")));
    add(report("a4", "CNBC", 3, announcedFunding("OpenAI", "36000000000")));
    add(report("a5", "FT", 4, announcedFunding("OpenAI", "36000000000")));
    add(report("a6", "Axios", 5, announcedFunding("OpenAI", "36000000000")));
    assertThat(stories.stories())
        .singleElement()
        .extracting(s -> s.story().fact("amount_usd").get())
        .isEqualTo("36000000000");

    // 32 is more than 10 % from the reconciled 36, yet the story already cites the article
    assertThat(add(early).kind()).isEqualTo(AlertKind.NOTHING);
    assertThat(stories.stories()).hasSize(1);
  }

  @Test
  void neverAnnouncesAStoryTwice() {
    Story s = Story.start(report("a1", "Reuters", 0, announcedFunding("OpenAI", "1")));

    assertThat(AlertDecision.of(null, s).kind()).isEqualTo(AlertKind.NEW);
    assertThat(AlertDecision.of(s, s).kind()).isEqualTo(AlertKind.NOTHING);
  }
}
