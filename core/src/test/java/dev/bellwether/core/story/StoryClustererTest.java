package dev.bellwether.core.story;

import static dev.bellwether.core.story.Reports.announcedFunding;
import static dev.bellwether.core.story.Reports.exportControl;
import static dev.bellwether.core.story.Reports.funding;
import static dev.bellwether.core.story.Reports.partnership;
import static dev.bellwether.core.story.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryClustererTest {
  private static final String WIRE =
      "Nvidia said on Tuesday it would buy Enfabrica, a startup that makes networking chips for AI"
          + " servers, for $900 million in cash, its latest deal to strengthen its data center"
          + " business.";

  private final StoryClusterer clusterer = StoryClusterer.withDefaults();

  private boolean joins(Report first, Report second) {
    return clusterer.matches(Story.start(first), second);
  }

  @Test
  void joinsTheSameRoundToldInOtherWords() {
    Report talks =
        report(
            "a1",
            "Bloomberg",
            0,
            funding(EventStatus.REPORTED, "OpenAI", Map.of("amount_usd", "40000000000")),
            "OpenAI is in talks to raise as much as $40 billion, people familiar said.");
    Report announced =
        report(
            "a2",
            "OpenAI",
            26,
            announcedFunding("OpenAI", "40000000000"),
            "Today we announce that we have raised $40 billion to scale our compute.");

    assertThat(joins(talks, announced)).isTrue();
  }

  @Test
  void separatesRoundsOfOneCompanyAMonthApart() {
    assertThat(
            joins(
                report("a1", "Reuters", 0, announcedFunding("OpenAI", "40000000000")),
                report("a2", "Reuters", 24 * 30, announcedFunding("OpenAI", "40000000000"))))
        .isFalse();
  }

  @Test
  void separatesRoundsOfOneCompanyWithConflictingAmountsInTheSameWeek() {
    assertThat(
            joins(
                report("a1", "Reuters", 0, announcedFunding("OpenAI", "6600000000")),
                report("a2", "CNBC", 30, announcedFunding("OpenAI", "40000000000"))))
        .isFalse();
  }

  @Test
  void toleratesAmountsWithinTenPercent() {
    Report first = report("a1", "Reuters", 0, announcedFunding("Anthropic", "13000000000"));

    assertThat(joins(first, report("a2", "FT", 1, announcedFunding("Anthropic", "12500000000"))))
        .isTrue();
    assertThat(joins(first, report("a3", "FT", 1, announcedFunding("Anthropic", "11000000000"))))
        .isFalse();
  }

  @Test
  void separatesDifferentRoundNames() {
    Report seriesE =
        report(
            "a1",
            "Reuters",
            0,
            funding(EventStatus.ANNOUNCED, "Mistral AI", Map.of("round", "Series E")));
    Report seriesF =
        report(
            "a2",
            "Sifted",
            5,
            funding(EventStatus.ANNOUNCED, "Mistral AI", Map.of("round", "series f")));
    Report unnamed =
        report("a3", "Sifted", 5, funding(EventStatus.ANNOUNCED, "Mistral AI", Map.of()));

    assertThat(joins(seriesE, seriesF)).isFalse();
    assertThat(joins(seriesE, unnamed)).isTrue();
  }

  @Test
  void separatesDifferentCompaniesAndEventTypes() {
    Report openAi = report("a1", "Reuters", 0, announcedFunding("OpenAI", "1000000000"));

    assertThat(joins(openAi, report("a2", "CNBC", 1, announcedFunding("xAI", "1000000000"))))
        .isFalse();
    assertThat(joins(openAi, report("a3", "CNBC", 1, partnership(false, "OpenAI", "Oracle"))))
        .isFalse();
  }

  @Test
  void joinsPartnershipsOfTheSamePartiesInAnyOrder() {
    Report first = report("a1", "Microsoft", 0, partnership(false, "Microsoft", "Mistral AI"));

    assertThat(
            joins(
                first, report("a2", "Le Monde", 2, partnership(false, "Mistral AI", "Microsoft"))))
        .isTrue();
    assertThat(joins(first, report("a3", "Le Monde", 2, partnership(false, "Microsoft", "OpenAI"))))
        .isFalse();
  }

  @Test
  void separatesAPartnershipFromItsEnd() {
    assertThat(
            joins(
                report("a1", "Microsoft", 0, partnership(false, "Microsoft", "Mistral AI")),
                report("a2", "Bloomberg", 20, partnership(true, "Microsoft", "Mistral AI"))))
        .isFalse();
  }

  @Test
  void separatesExportControlsOfTwoAuthoritiesOnTheSameDay() {
    Report bis = report("a1", "Reuters", 0, exportControl("DeepSeek", "US Commerce/BIS"));

    assertThat(
            joins(bis, report("a2", "Reuters", 1, exportControl("ASML", "Netherlands government"))))
        .isFalse();
    assertThat(joins(bis, report("a3", "SCMP", 3, exportControl("DeepSeek", "China")))).isFalse();
  }

  @Test
  void readsAGovernmentAsCompatibleWithItsOwnAgency() {
    Report bis = report("a1", "Reuters", 0, exportControl("DeepSeek", "US Commerce/BIS"));

    assertThat(joins(bis, report("a2", "SCMP", 3, exportControl("DeepSeek", "US government"))))
        .isTrue();
    assertThat(
            joins(bis, report("a3", "Federal Register", 1, exportControl("", "US Commerce/BIS"))))
        .isTrue();
    assertThat(joins(bis, report("a4", "Politico", 1, exportControl("DeepSeek", "US Congress"))))
        .isFalse();
  }

  @Test
  void joinsNearDuplicateTextEvenWithoutTheSameLeadCompany() {
    StoryEvent nvidia =
        new StoryEvent(
            EventType.ACQUISITION,
            EventStatus.ANNOUNCED,
            List.of("Nvidia", "Enfabrica"),
            Map.of("target", "Enfabrica", "acquirer", "Nvidia"),
            false,
            false);
    StoryEvent withoutTarget =
        new StoryEvent(
            EventType.ACQUISITION,
            EventStatus.ANNOUNCED,
            List.of("Nvidia"),
            Map.of("acquirer", "Nvidia"),
            false,
            false);
    Report wire = report("a1", "Reuters", 0, nvidia, WIRE);

    assertThat(joins(wire, report("a2", "Yahoo Finance", 1, withoutTarget, "(Reuters) - " + WIRE)))
        .isTrue();
    assertThat(joins(wire, report("a3", "Yahoo Finance", 1, withoutTarget, "Nvidia buys things.")))
        .isFalse();
  }

  @Test
  void neverJoinsNearDuplicatesWhoseAmountsConflict() {
    String template = "Acme AI raised %s in a Series B round, the company said on Monday.";
    Report a =
        report(
            "a1", "Wire", 0, announcedFunding("Cohere", "500000000"), template.formatted("$500M"));
    Report b =
        report(
            "a2", "Wire", 5, announcedFunding("Cohere", "900000000"), template.formatted("$900M"));

    assertThat(a.fingerprint().similarity(b.fingerprint())).isGreaterThan(0.5);
    assertThat(joins(a, b)).isFalse();
  }

  @Test
  void keepsAStoryWithinTheWindowFromItsFirstToItsLastSource() {
    Story s =
        Story.start(report("a1", "Reuters", 0, announcedFunding("OpenAI", "1")))
            .with(report("a2", "CNBC", 60, announcedFunding("OpenAI", "1")));

    assertThat(clusterer.withinWindow(s, Reports.at(72))).isTrue();
    assertThat(clusterer.withinWindow(s, Reports.at(73))).isFalse();
    assertThat(clusterer.withinWindow(s, Reports.at(-12))).isTrue();
    assertThat(clusterer.withinWindow(s, Reports.at(-13))).isFalse();
    assertThat(clusterer.isClosed(s, Reports.at(72))).isFalse();
    assertThat(clusterer.isClosed(s, Reports.at(73))).isTrue();
  }

  @Test
  void takesTheWindowFromItsSettings() {
    StoryClusterer day = new StoryClusterer(Duration.ofHours(24), 0.5, 0.1);
    Report first = report("a1", "Reuters", 0, announcedFunding("OpenAI", "1"));
    Report second = report("a2", "CNBC", 30, announcedFunding("OpenAI", "1"));

    assertThat(day.matches(Story.start(first), second)).isFalse();
    assertThat(clusterer.matches(Story.start(first), second)).isTrue();
  }

  @Test
  void prefersTheStoryWithTheSameSignatureThenTheEarliest() {
    Story earlier = Story.start(report("a1", "Reuters", 0, announcedFunding("OpenAI", "1")));
    Story later = Story.start(report("a2", "Reuters", 5, announcedFunding("OpenAI", "1")));
    Report r = report("a3", "CNBC", 6, announcedFunding("OpenAI", "1"));

    assertThat(clusterer.bestMatch(r, List.of(later, earlier))).containsSame(earlier);
    assertThat(clusterer.bestMatch(r, List.of(earlier, later))).containsSame(earlier);
  }

  @Test
  void findsEveryJoinableStoryUnderTheReportsIndexKeys() {
    Story s = Story.start(report("a1", "Reuters", 0, exportControl("DeepSeek", "US Commerce/BIS")));
    Report unnamed = report("a2", "Federal Register", 1, exportControl("", "US Commerce/BIS"));
    Report copy =
        Report.of(
            "a3",
            "Yahoo",
            "https://yahoo.example/a3",
            Reports.at(1),
            "",
            "article a1 by Reuters",
            exportControl("", "US Commerce/BIS"));

    assertThat(clusterer.indexKeys(s))
        .contains("EXPORT_CONTROL|lead:DeepSeek", "EXPORT_CONTROL|authority:US Commerce/BIS");
    assertThat(clusterer.indexKeys(unnamed)).containsAnyElementsOf(clusterer.indexKeys(s));
    assertThat(clusterer.indexKeys(copy)).containsAnyElementsOf(clusterer.indexKeys(s));
  }

  @Test
  void refusesMeaninglessSettings() {
    assertThatThrownBy(() -> new StoryClusterer(Duration.ZERO, 0.5, 0.1))
        .hasMessageContaining("window");
    assertThatThrownBy(() -> new StoryClusterer(Duration.ofHours(1), 1.5, 0.1))
        .hasMessageContaining("near-duplicate");
    assertThatThrownBy(() -> new StoryClusterer(Duration.ofHours(1), 0.5, Double.NaN))
        .hasMessageContaining("amount tolerance");
  }
}
