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
    return clusterer.linked(first, second) && clusterer.linked(second, first);
  }

  @Test
  void keepsTemplateNearDuplicatesAboutOtherCompaniesApart() {
    StoryEvent amdFigure =
        new StoryEvent(
            EventType.ACQUISITION,
            EventStatus.ANNOUNCED,
            List.of("AMD", "Figure AI"),
            Map.of("acquirer", "AMD", "target", "Figure AI", "amount_usd", "1000000000"),
            false,
            false);
    StoryEvent snowflakeMiniMax =
        new StoryEvent(
            EventType.ACQUISITION,
            EventStatus.ANNOUNCED,
            List.of("Snowflake", "MiniMax"),
            Map.of("acquirer", "Snowflake", "target", "MiniMax", "amount_usd", "964000000"),
            false,
            false);
    Report a = report("t1", "Wire", 0, amdFigure, "AMD snaps up Figure AI in $1 billion deal.");
    Report b =
        report(
            "t2",
            "Ledger",
            2,
            snowflakeMiniMax,
            "Snowflake snaps up MiniMax in $964 million deal.");

    assertThat(StoryClusterer.strangers(a, b)).isTrue();
    assertThat(joins(a, b)).isFalse();
  }

  @Test
  void readsOneNameWhateverTheEndingAndTheRaiserAsTheLead() {
    assertThat(Report.name("Featherless.ai")).isEqualTo(Report.name("Featherless AI"));
    assertThat(Report.name("Figure AI")).isEqualTo("figure");
    assertThat(Report.name("Scale AI Inc.")).isEqualTo("scale");
    assertThat(Report.name("AI")).isEqualTo("ai");

    // an outlet that leads with the investor still tells the company's round
    Report investorFirst =
        report(
            "i1",
            "Wire",
            0,
            new StoryEvent(
                EventType.FUNDING,
                EventStatus.ANNOUNCED,
                List.of("ICONIQ", "Anthropic"),
                Map.of("company", "Anthropic", "amount_usd", "13000000000", "investors", "ICONIQ"),
                false,
                false),
            "ICONIQ leads a $13 billion round in the Claude maker at a $183 billion valuation.");
    Report companyFirst =
        report(
            "i2",
            "Ledger",
            3,
            announcedFunding("Anthropic", "13000000000"),
            "Anthropic raised $13 billion in a Series F round, valuing it at $183 billion.");
    assertThat(investorFirst.lead()).isEqualTo("anthropic");
    assertThat(joins(investorFirst, companyFirst)).isTrue();

    // an export control that names no company is led by its authority
    Report hague = report("n1", "Wire", 0, exportControl("", "Netherlands government"));
    assertThat(hague.lead()).isEqualTo("netherlands government");
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
    assertThat(joins(bis, report("a4", "Politico", 1, exportControl("DeepSeek", "US Congress"))))
        .isFalse();
  }

  @Test
  void joinsNearDuplicateTextEvenWithoutTheSameLeadCompany() {
    StoryEvent nvidia =
        new StoryEvent(
            EventType.ACQUISITION,
            EventStatus.ANNOUNCED,
            List.of("Enfabrica", "Nvidia"),
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
    StoryEvent gretel =
        new StoryEvent(
            EventType.ACQUISITION,
            EventStatus.ANNOUNCED,
            List.of("Gretel", "Nvidia"),
            Map.of("target", "Gretel", "acquirer", "Nvidia"),
            false,
            false);
    assertThat(
            joins(
                wire,
                report(
                    "a3",
                    "Yahoo Finance",
                    1,
                    gretel,
                    "Nvidia is buying Gretel, a San Diego maker of synthetic training data.")))
        .isFalse();
  }

  @Test
  void neverJoinsNearDuplicatesWhoseAmountsConflict() {
    String template =
        "Cohere raised %s in a Series B round led by existing backers, the Toronto company said on"
            + " Monday, and it plans to spend the money on computing power and on hiring engineers"
            + " for its enterprise models in Canada and Europe.";
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
  void takesTheWindowFromItsSettings() {
    StoryClusterer day = new StoryClusterer(Duration.ofHours(24), 0.5, 0.1);
    Report first = report("a1", "Reuters", 0, announcedFunding("OpenAI", "1"));
    Report second = report("a2", "CNBC", 30, announcedFunding("OpenAI", "1"));

    assertThat(day.linked(first, second)).isFalse();
    assertThat(clusterer.linked(first, second)).isTrue();
  }

  @Test
  void joinsAnAcquisitionWhoseTargetOneOutletMisreadByWhatBothSay() {
    StoryEvent named =
        new StoryEvent(
            EventType.ACQUISITION,
            EventStatus.ANNOUNCED,
            List.of("Run:ai", "Nvidia"),
            Map.of("target", "Run:ai", "acquirer", "Nvidia"),
            false,
            false);
    StoryEvent misread =
        new StoryEvent(
            EventType.ACQUISITION,
            EventStatus.ANNOUNCED,
            List.of("Tel Aviv", "Nvidia"),
            Map.of("target", "Tel Aviv", "acquirer", "Nvidia"),
            false,
            false);
    Report a =
        report(
            "a1",
            "Wire",
            0,
            named,
            "Nvidia agreed on Wednesday to buy Run:ai, an Israeli startup whose software schedules"
                + " GPU work, in a deal people put at about $700 million. Run:ai founders Omri"
                + " Geller and Ronen Dar will join Nvidia.");
    Report b =
        report(
            "a2",
            "Ledger",
            6,
            misread,
            "The Tel Aviv company Run:ai is being bought by Nvidia, Omri Geller said on Wednesday;"
                + " Ronen Dar and the Run:ai team will keep building its Kubernetes scheduler.");
    Report other =
        report(
            "a3",
            "Ledger",
            30,
            new StoryEvent(
                EventType.ACQUISITION,
                EventStatus.ANNOUNCED,
                List.of("Deci", "Nvidia"),
                Map.of("target", "Deci", "acquirer", "Nvidia"),
                false,
                false),
            "Nvidia is buying Deci, a Tel Aviv maker of tools that shrink AI models, days after"
                + " another Israeli deal, said Yonatan Geifman, Deci's chief executive.");

    assertThat(joins(a, b)).isTrue();
    assertThat(joins(a, other)).isFalse();
    assertThat(joins(b, other)).isFalse();
  }

  @Test
  void joinsAnInvestmentOneOutletCallsAStakePurchase() {
    Report funding =
        report(
            "a1",
            "Wire",
            0,
            new StoryEvent(
                EventType.FUNDING,
                EventStatus.ANNOUNCED,
                List.of("Scale AI", "Meta"),
                Map.of("amount_usd", "14300000000", "investors", "Meta"),
                false,
                false),
            "Meta will invest $14.3 billion in Scale AI, and Scale chief Alexandr Wang joins Meta.");
    Report stake =
        report(
            "a2",
            "Ledger",
            5,
            new StoryEvent(
                EventType.ACQUISITION,
                EventStatus.ANNOUNCED,
                List.of("Meta", "Scale AI"),
                Map.of("acquirer", "Meta", "target", "Scale AI"),
                false,
                false),
            "Meta buys 49% of Scale AI for $14.3B; Alexandr Wang moves to Menlo Park.");

    assertThat(joins(funding, stake)).isTrue();
    assertThat(StoryClusterer.sameFamily(EventType.FUNDING, EventType.IPO)).isTrue();
    assertThat(StoryClusterer.sameFamily(EventType.ACQUISITION, EventType.IPO)).isFalse();
    assertThat(StoryClusterer.sameFamily(EventType.FUNDING, EventType.PARTNERSHIP)).isFalse();
  }

  @Test
  void joinsEveryStoryAReportLinksAndTheEarliestFirst() {
    Report a = report("a1", "Reuters", 0, announcedFunding("OpenAI", "40000000000"));
    Report b = report("a2", "CNBC", 5, announcedFunding("OpenAI", "40000000000"));
    Story earlier = Story.start(a);
    Story later = Story.start(b);
    Report r = report("a3", "Wire", 6, announcedFunding("OpenAI", "40000000000"));

    assertThat(clusterer.joined(r, List.of(later, earlier))).containsExactly(earlier, later);
    assertThat(clusterer.joined(a, List.of(earlier))).as("already cited").containsExactly(earlier);
    assertThat(
            clusterer.joined(
                report("a4", "Wire", 6, partnership(false, "OpenAI", "Oracle")), List.of(earlier)))
        .isEmpty();
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
