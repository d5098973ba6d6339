package dev.bellwether.core.story;

import static dev.bellwether.core.story.Reports.announcedFunding;
import static dev.bellwether.core.story.Reports.at;
import static dev.bellwether.core.story.Reports.funding;
import static dev.bellwether.core.story.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryTest {
  @Test
  void keepsTheMostConfirmedAmountAndRecordsTheOthers() {
    Story s =
        Story.start(
                report("a1", "The Information", 0, announcedFunding("Anthropic", "12500000000")))
            .with(report("a2", "Anthropic", 20, announcedFunding("Anthropic", "13000000000")))
            .with(report("a3", "Reuters", 21, announcedFunding("Anthropic", "13000000000")));

    assertThat(s.facts()).containsEntry("amount_usd", "13000000000");
    assertThat(s.confirmations("amount_usd")).isEqualTo(2);
    assertThat(s.conflicts()).containsExactly(Map.entry("amount_usd", Map.of("12500000000", 1L)));
  }

  @Test
  void breaksTiesInFavourOfTheEarliestPublishedValue() {
    Story later =
        Story.start(report("b", "Reuters", 5, announcedFunding("Mistral AI", "2100000000")));
    Story s = later.with(report("a", "Bloomberg", 1, announcedFunding("Mistral AI", "2000000000")));

    assertThat(s.fact("amount_usd")).hasValue("2000000000");
    assertThat(s.conflicts().get("amount_usd")).containsExactly(Map.entry("2100000000", 1L));
    assertThat(s.firstSeen()).isEqualTo(at(1));
    assertThat(s.lastUpdated()).isEqualTo(at(5));
    assertThat(s.sources()).extracting(Source::outlet).containsExactly("Bloomberg", "Reuters");
  }

  @Test
  void unitesInvestorsAndCompanies() {
    Story s =
        Story.start(
                report(
                    "a1",
                    "Bloomberg",
                    0,
                    funding(
                        EventStatus.REPORTED,
                        "OpenAI",
                        Map.of("amount_usd", "40000000000", "investors", "SoftBank"))))
            .with(
                report(
                    "a2",
                    "OpenAI",
                    10,
                    funding(
                        EventStatus.ANNOUNCED,
                        "OpenAI",
                        Map.of("investors", "SoftBank; Microsoft; Thrive Capital"))));

    assertThat(s.lists().get("investors"))
        .containsExactly("SoftBank", "Microsoft", "Thrive Capital");
    assertThat(s.facts()).containsEntry("investors", "SoftBank; Microsoft; Thrive Capital");
    assertThat(s.companies()).containsExactly("OpenAI");
  }

  @Test
  void upgradesReportedToAnnouncedAndNeverBack() {
    Story s =
        Story.start(report("a1", "Bloomberg", 0, funding(EventStatus.REPORTED, "xAI", Map.of())));
    Story announced =
        s.with(report("a2", "xAI", 5, funding(EventStatus.ANNOUNCED, "xAI", Map.of())));
    Story still =
        announced.with(report("a3", "CNBC", 6, funding(EventStatus.REPORTED, "xAI", Map.of())));

    assertThat(s.status()).isEqualTo(EventStatus.REPORTED);
    assertThat(announced.status()).isEqualTo(EventStatus.ANNOUNCED);
    assertThat(still.status()).isEqualTo(EventStatus.ANNOUNCED);
  }

  @Test
  void ignoresAnArticleItAlreadyCites() {
    Report r = report("a1", "Reuters", 0, announcedFunding("OpenAI", "40000000000"));
    Story s = Story.start(r);

    assertThat(s.with(r)).isSameAs(s);
    assertThat(s.with(r).confirmations("amount_usd")).isEqualTo(1);
  }

  @Test
  void takesTheTypeMostReportsGiveAndTheHeadlineOfTheEarliest() {
    StoryEvent stake =
        new StoryEvent(
            EventType.ACQUISITION,
            EventStatus.ANNOUNCED,
            List.of("Meta", "Scale AI"),
            Map.of(),
            false,
            false);
    Story s =
        Story.start(report("a2", "Wire", 3, stake))
            .with(report("a1", "Ledger", 1, funding(EventStatus.ANNOUNCED, "Scale AI", Map.of())))
            .with(report("a3", "Daily", 5, funding(EventStatus.ANNOUNCED, "Scale AI", Map.of())));

    assertThat(s.type()).isEqualTo(EventType.FUNDING);
    assertThat(s.companies()).startsWith("Scale AI").contains("Meta");
    assertThat(s.headline()).isEqualTo("title of a1");
    assertThat(
            Story.start(report("b1", "Wire", 0, stake))
                .with(
                    report("b2", "Ledger", 1, funding(EventStatus.ANNOUNCED, "Scale AI", Map.of())))
                .type())
        .as("a tie goes to funding")
        .isEqualTo(EventType.FUNDING);
  }

  @Test
  void isTheSameStoryWhateverOrderItsReportsCameIn() {
    Report a = report("a1", "Reuters", 0, announcedFunding("OpenAI", "40000000000"));
    Report b = report("a2", "CNBC", 2, announcedFunding("OpenAI", "41000000000"));
    Report c = report("a3", "Wire", 1, funding(EventStatus.REPORTED, "OpenAI", Map.of()));
    Story one = Story.start(a).with(b).with(c);
    Story other = new Story(one.id(), List.of(c, b, a), List.of());

    assertThat(other).isEqualTo(one);
    assertThat(other.facts()).isEqualTo(one.facts());
  }

  @Test
  void keepsTheEarliestReportsWholeAndOnlyTheSourcesOfLaterOnes() {
    Story s = Story.start(report("r0", "Wire", 0, announcedFunding("xAI", "1")));
    for (int i = 1; i < Story.MEMBERS_KEPT + 5; i++) {
      s = s.with(report("r" + i, "Wire", i, announcedFunding("xAI", "1")));
    }

    assertThat(s.members()).hasSize(Story.MEMBERS_KEPT);
    assertThat(s.overflow()).hasSize(5);
    assertThat(s.sources()).hasSize(Story.MEMBERS_KEPT + 5);
    assertThat(s.cites(s.overflow().get(0).url())).isTrue();
    assertThat(s.lastUpdated()).isEqualTo(at(Story.MEMBERS_KEPT + 4));
  }

  @Test
  void listsABoundedNumberOfSourcesAndCountsTheRestWhateverTheOrder() {
    int total = Story.SOURCES_KEPT + 30;
    Story grown = Story.start(report("r0", "Wire", 0, announcedFunding("xAI", "1")));
    for (int i = 1; i < total; i++) {
      grown = grown.with(report("r" + i, "Wire", i, announcedFunding("xAI", "1")));
    }
    Story backwards =
        Story.start(report("r" + (total - 1), "Wire", total - 1, announcedFunding("xAI", "1")));
    for (int i = total - 2; i >= 0; i--) {
      backwards = backwards.with(report("r" + i, "Wire", i, announcedFunding("xAI", "1")));
    }

    assertThat(grown.sources()).hasSize(Story.SOURCES_KEPT);
    assertThat(grown.unlisted()).isEqualTo(30);
    assertThat(grown.lastUpdated()).isEqualTo(at(total - 1));
    assertThat(backwards.sources()).isEqualTo(grown.sources());
    assertThat(backwards.unlisted()).isEqualTo(30);
    assertThat(backwards.lastUpdated()).isEqualTo(at(total - 1));

    Story other = Story.start(report("o0", "Ledger", 0.5, announcedFunding("xAI", "1")));
    for (int i = 1; i < 10; i++) {
      other = other.with(report("o" + i, "Ledger", total + i, announcedFunding("xAI", "1")));
    }
    Story merged = grown.mergedWith(other);
    assertThat(merged.sources()).hasSize(Story.SOURCES_KEPT);
    assertThat(merged.unlisted()).isEqualTo(40);
    assertThat(merged.lastUpdated()).isEqualTo(at(total + 9));
    AlertDecision onceMore =
        AlertDecision.of(
            merged, merged.with(report("z", "Late", total + 20, announcedFunding("xAI", "1"))));
    assertThat(onceMore.reason()).contains("a new source, not listed");
  }

  @Test
  void mergesTwoStoriesUnderItsOwnId() {
    Story a = Story.start(report("a1", "Reuters", 0, announcedFunding("OpenAI", "40000000000")));
    Story b = Story.start(report("b1", "CNBC", 1, announcedFunding("OpenAI", "40000000000")));

    Story merged = a.mergedWith(b);
    assertThat(merged.id()).isEqualTo(a.id());
    assertThat(merged.sources()).hasSize(2);
    assertThat(merged.confirmations("amount_usd")).isEqualTo(2);
  }

  @Test
  void takesItsIdFromTheArticleThatStartedIt() {
    Report r = report("item-42", "Reuters", 0, announcedFunding("OpenAI", "40000000000"));
    Story s = Story.start(r);

    assertThat(s.id()).isEqualTo(Story.idFor(r)).matches("st-[0-9a-f]{16}");
    assertThat(Story.start(r).id()).isEqualTo(s.id());
    assertThat(s.with(report("x", "CNBC", 1, announcedFunding("OpenAI", "40000000000"))).id())
        .isEqualTo(s.id());
    assertThat(Story.start(report("item-43", "Reuters", 0, announcedFunding("OpenAI", "1"))).id())
        .isNotEqualTo(s.id());
  }
}
