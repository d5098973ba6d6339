package dev.bellwether.core.story;

import static dev.bellwether.core.story.Reports.announcedFunding;
import static dev.bellwether.core.story.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import dev.bellwether.core.watchlist.Watchlist;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryBookTest {
  private final StoryBook book =
      new StoryBook(StoryClusterer.withDefaults(), StoryCorpus.EVERYTHING, Duration.ofDays(7));

  @Test
  void mergesTheStoriesAReportLinksUnderTheOneThatAlertedFirst() {
    // two reports that do not link with each other, and a third that links with both
    Report a =
        report(
            "a1",
            "Wire",
            0,
            announcedFunding("Decart", "300000000"),
            "Decart raised $300 million; Dean Leitersdorf said the Tel Aviv lab will hire.");
    Report b =
        report(
            "a2",
            "Ledger",
            1,
            new StoryEvent(
                EventType.FUNDING,
                EventStatus.REPORTED,
                List.of("Benchmark"),
                Map.of(),
                false,
                false),
            "Benchmark leads a round in Moshe Shalev's video-model startup.");
    Report bridge =
        report(
            "a3",
            "Daily",
            2,
            new StoryEvent(
                EventType.FUNDING,
                EventStatus.ANNOUNCED,
                List.of("Decart", "Benchmark"),
                Map.of("amount_usd", "300000000", "investors", "Benchmark"),
                false,
                false),
            "Benchmark led Decart's $300 million round, Dean Leitersdorf and Moshe Shalev said.");

    StoryBook.Outcome first = book.add(List.of(a));
    StoryBook.Outcome second = book.add(List.of(b));
    StoryBook.Outcome third = book.add(List.of(bridge));

    String kept = first.alerts().get(0).tracked().id();
    String absorbed = second.alerts().get(0).tracked().id();
    assertThat(absorbed).isNotEqualTo(kept);
    assertThat(third.merged()).containsExactly(Map.entry(absorbed, kept));
    assertThat(third.alerts())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.kind()).isEqualTo(AlertKind.UPDATE);
              assertThat(x.tracked().id()).isEqualTo(kept);
              assertThat(x.reason()).contains("merged with story " + absorbed);
              assertThat(x.tracked().story().sources()).hasSize(3);
            });
    assertThat(book.stories()).extracting(TrackedStory::id).containsExactly(kept);
  }

  @Test
  void findsTheSurvivorAfterMergingAStoryLargerThanItKeepsWhole() {
    // a story with more reports than it keeps whole, merged into an earlier one: the reports it
    // kept only as sources must not leave the absorbed story's id behind in the candidate index
    Report decart =
        report(
            "d0",
            "Wire",
            0,
            announcedFunding("Decart", "300000000"),
            "Decart raised $300 million; Dean Leitersdorf said the Tel Aviv lab will hire.");
    String kept = book.add(List.of(decart)).alerts().get(0).tracked().id();
    StoryEvent benchmark =
        new StoryEvent(
            EventType.FUNDING, EventStatus.REPORTED, List.of("Benchmark"), Map.of(), false, false);
    String absorbed = null;
    for (int i = 1; i <= Story.MEMBERS_KEPT + 3; i++) {
      StoryBook.Outcome o =
          book.add(
              List.of(
                  report(
                      "b" + i,
                      "Outlet" + i,
                      i <= Story.MEMBERS_KEPT ? 1 + i / 100.0 : 13 + i, // the last: next day
                      benchmark,
                      "Benchmark leads a round in Moshe Shalev's video-model startup.")));
      absorbed = o.changed().get(0).id();
    }
    assertThat(absorbed).isNotEqualTo(kept);
    Report bridge =
        report(
            "d1",
            "Daily",
            2,
            new StoryEvent(
                EventType.FUNDING,
                EventStatus.ANNOUNCED,
                List.of("Decart", "Benchmark"),
                Map.of("amount_usd", "300000000", "investors", "Benchmark"),
                false,
                false),
            "Benchmark led Decart's $300 million round, Dean Leitersdorf and Moshe Shalev said.");
    assertThat(book.add(List.of(bridge)).merged()).containsEntry(absorbed, kept);

    StoryBook.Outcome late =
        book.add(
            List.of(
                report(
                    "b99",
                    "Latecomer",
                    40,
                    benchmark,
                    "Benchmark leads a round in Moshe Shalev's video-model startup.")));

    assertThat(late.changed()).extracting(TrackedStory::id).containsExactly(kept);
    assertThat(book.stories()).extracting(TrackedStory::id).containsExactly(kept);
  }

  @Test
  void keepsAnEventToldInPassingQuietUntilAnotherReportConfirmsIt() {
    Report headline =
        Report.of(
            "u1",
            "Wire",
            "https://wire.example/u1",
            Reports.at(0),
            "Unconventional AI raises $475 million seed round",
            "Naveen Rao's Unconventional AI raised $475 million. Rao sold Nervana Systems to Intel"
                + " for $408 million in 2016.",
            announcedFunding("Unconventional AI", "475000000"));
    Report inPassing =
        Report.of(
            "u1",
            "Wire",
            "https://wire.example/u1",
            Reports.at(0),
            "Unconventional AI raises $475 million seed round",
            "Naveen Rao's Unconventional AI raised $475 million. Rao sold Nervana Systems to Intel"
                + " for $408 million in 2016.",
            new StoryEvent(
                EventType.ACQUISITION,
                EventStatus.ANNOUNCED,
                List.of("Intel", "Nervana Systems"),
                Map.of("acquirer", "Intel", "target", "Nervana Systems", "amount_usd", "408000000"),
                false,
                false));
    assertThat(headline.inTitle()).isTrue();
    assertThat(inPassing.inTitle()).isFalse();

    StoryBook.Outcome first = book.add(List.of(headline, inPassing));
    assertThat(first.changed()).hasSize(2);
    assertThat(first.alerts())
        .singleElement()
        .satisfies(a -> assertThat(a.tracked().story().companies()).contains("Unconventional AI"));

    // a later article about the same deal confirms it: the quiet story now alerts, once
    Report confirmed =
        Report.of(
            "n2",
            "Ledger",
            "https://ledger.example/n2",
            Reports.at(5),
            "Intel buys Nervana Systems for $408 million",
            "Intel agreed to buy Nervana Systems, a deep-learning chip startup, for $408 million.",
            inPassing.event());
    StoryBook.Outcome second = book.add(List.of(confirmed));
    assertThat(second.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.NEW);
              assertThat(a.tracked().story().sources()).hasSize(2);
            });
  }

  @Test
  void countsTheEventsOfOneArticleAboutTheSameCompaniesOnce() {
    Report ipo =
        report(
            "a1",
            "Wire",
            0,
            new StoryEvent(
                EventType.IPO,
                EventStatus.ANNOUNCED,
                List.of("CoreWeave"),
                Map.of("amount_usd", "4000000000"),
                false,
                false),
            "CoreWeave files for an IPO that could raise $4 billion.");
    Report raise =
        report(
            "a1",
            "Wire",
            0,
            announcedFunding("CoreWeave", "4000000000"),
            "CoreWeave files for an IPO that could raise $4 billion.");
    Report other = report("a1", "Wire", 0, announcedFunding("Mistral AI", "1"), "Also: Mistral.");

    assertThat(StoryBook.onePerEvent(List.of(ipo, raise, other))).containsExactly(ipo, other);
    // "Also: Mistral." is told in passing (its title names CoreWeave only): one alert
    assertThat(book.add(List.of(ipo, raise, other)).alerts()).hasSize(1);

    // a round-up whose title names both alerts both
    Report roundUpIpo =
        Report.of(
            "r1",
            "Digest",
            "https://digest.example/r1",
            Reports.at(1),
            "Deals: Cohere files for IPO, Mistral AI raises",
            "Cohere files for an IPO. Mistral AI raised money.",
            new StoryEvent(
                EventType.IPO, EventStatus.ANNOUNCED, List.of("Cohere"), Map.of(), false, false));
    Report roundUpRound =
        Report.of(
            "r1",
            "Digest",
            "https://digest.example/r1",
            Reports.at(1),
            "Deals: Cohere files for IPO, Mistral AI raises",
            "Cohere files for an IPO. Mistral AI raised money.",
            announcedFunding("Mistral AI", "2000000000"));
    assertThat(book.add(List.of(roundUpIpo, roundUpRound)).alerts()).hasSize(2);
  }

  @Test
  void alertsOnAnUnlistedAiStartupsMaterialRoundUnderTheLongTailRule() {
    StoryBook builtIn =
        new StoryBook(
            StoryClusterer.withDefaults(),
            Watchlist.builtIn(CompanyKnowledgeBase.builtIn()),
            StoryBook.DEFAULT_LATENESS);
    Report ai =
        report(
            "a1",
            "Wire",
            0,
            announcedFunding("Zorvex Labs", "150000000"),
            "Zorvex Labs, a maker of AI agents for insurers, raised $150 million.");
    Report notAi =
        report(
            "b1",
            "Wire",
            0,
            announcedFunding("Brightbrew", "150000000"),
            "Brightbrew, an Ohio brewer, raised $150 million to build a plant.");

    assertThat(builtIn.add(List.of(ai)).alerts())
        .singleElement()
        .extracting(StoryAlert::ruleId)
        .isEqualTo("ai-long-tail-deals");
    assertThat(builtIn.add(List.of(notAi)).alerts()).isEmpty();
  }

  @Test
  void dropsStoriesOnlyOnceTheyCanTakeNoReportEvenALateOne() {
    book.add(List.of(report("a1", "Wire", 0, announcedFunding("OpenAI", "1"))));
    book.add(List.of(report("b1", "Wire", 24 * 9, announcedFunding("xAI", "2"))));
    assertThat(book.expire()).isEmpty(); // 9 days: within 72 h + 7 days of lateness

    book.add(List.of(report("c1", "Wire", 24 * 11, announcedFunding("Cohere", "3"))));
    assertThat(book.expire()).hasSize(1);
    assertThat(book.stories()).hasSize(2);
  }
}
