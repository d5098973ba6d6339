package dev.bellwether.core.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaggerTest {
  private static final Tagger TAGGER = Tagger.builtIn();

  private static List<DetectedEvent> events(String text) {
    return TAGGER.tag(text).events();
  }

  private static DetectedEvent only(EventType type, String text) {
    List<DetectedEvent> found = events(text).stream().filter(e -> e.type() == type).toList();
    assertThat(found).as("%s in: %s", type, text).hasSize(1);
    return found.get(0);
  }

  @Test
  void readsAmountAndValuation() {
    DetectedEvent e =
        only(EventType.FUNDING, "OpenAI raised $6.6 billion at a $157 billion valuation.");
    assertThat(e.companies()).startsWith("OpenAI");
    assertThat(e.status()).isEqualTo(EventStatus.ANNOUNCED);
    assertThat(e.facts())
        .containsEntry("amount_usd", "6600000000")
        .containsEntry("valuation_usd", "157000000000");
    assertThat(e.confidence()).isBetween(0.0, 1.0);
    assertThat(e.evidence().text()).startsWith("OpenAI raised");
  }

  @Test
  void readsShortAmountsRoundsAndInvestedCompanies() {
    DetectedEvent e =
        only(
            EventType.FUNDING,
            "Amazon invests US$2 billion in Anthropic in a Series C led by Google.");
    assertThat(e.companies()).startsWith("Anthropic");
    assertThat(e.facts())
        .containsEntry("amount_usd", "2000000000")
        .containsEntry("round", "Series C");
    assertThat(only(EventType.FUNDING, "Mistral AI closes a $1.5bn round.").facts())
        .containsEntry("amount_usd", "1500000000");
  }

  @Test
  void marksTalksToRaiseAsReported() {
    DetectedEvent e =
        only(EventType.FUNDING, "xAI is in talks to raise $10 billion, people familiar said.");
    assertThat(e.status()).isEqualTo(EventStatus.REPORTED);
  }

  @Test
  void readsMoneyTakenInOrReceivedBesideAFundingWordButNotRevenueOrShares() {
    DetectedEvent e =
        only(
            EventType.FUNDING,
            "Zhipu AI took in 3 billion yuan in December, with a Beijing fund among the investors.");
    assertThat(e.companies()).startsWith("Zhipu AI");
    assertThat(e.facts()).containsEntry("amount", "3000000000");
    assertThat(
            only(
                    EventType.FUNDING,
                    "Acme Robotics has taken in $120 million of capital, mostly from state-linked"
                        + " funds.")
                .companies())
        .startsWith("Acme Robotics");
    assertThat(of(EventType.FUNDING, "Acme Robotics took in $120 million in revenue last year."))
        .isEmpty();
    assertThat(
            of(
                EventType.FUNDING,
                "Under the swap Acme Robotics receives shares worth $5 million from its"
                    + " investors."))
        .isEmpty();
    assertThat(of(EventType.FUNDING, "Acme Robotics received approval from its investors."))
        .as("no amount")
        .isEmpty();
  }

  @Test
  void readsMoneyTakenWonOrPumpedInAndMoneyFromAFund() {
    assertThat(
            only(
                    EventType.FUNDING,
                    "Acme Cloud, which took a $1.5 billion investment from Microsoft in 2024, is"
                        + " hiring.")
                .companies())
        .startsWith("Acme Cloud");
    assertThat(
            only(
                    EventType.FUNDING,
                    "Acme Robotics has won a commitment of 2 billion yuan from investors backed by the"
                        + " city.")
                .companies())
        .startsWith("Acme Robotics");
    assertThat(
            only(EventType.FUNDING, "Microsoft is pumping $1.5 billion into Acme Cloud.")
                .companies())
        .startsWith("Acme Cloud");
    assertThat(
            only(
                    EventType.FUNDING,
                    "Acme Robotics has secured 300 million yuan from a fund backed by the city.")
                .companies())
        .startsWith("Acme Robotics");
    assertThat(
            of(
                EventType.FUNDING,
                "Valued at about $29 billion, Acme Robotics is not interested in taking the company"
                    + " public."))
        .isEmpty();
    assertThat(
            of(
                EventType.FUNDING,
                "Acme Cloud was valued at $23 billion when holders sold $650 million of stock in a"
                    + " secondary sale."))
        .isEmpty();
  }

  @Test
  void dropsDenialOfFunding() {
    assertThat(events("Musk said xAI is not raising capital right now.")).isEmpty();
    assertThat(events("Apple discussed investing in OpenAI, but those talks broke down."))
        .isEmpty();
  }

  @Test
  void dropsGovernmentGrantsAndPurchaseOrders() {
    assertThat(
            events(
                "The NSF is putting $100 million into AI research institutes under a grant program."))
        .isEmpty();
    assertThat(events("Baidu and Tencent placed orders for $1 billion worth of chips from Nvidia."))
        .isEmpty();
  }

  @Test
  void readsExportControlsWithAuthorityAndTarget() {
    DetectedEvent e =
        only(
            EventType.EXPORT_CONTROL,
            "The U.S. Commerce Department tightened export controls on Nvidia chips bound for China.");
    assertThat(e.relaxed()).isFalse();
    assertThat(e.facts())
        .containsEntry("authority", "US Commerce/BIS")
        .containsEntry("target", "China");
  }

  @Test
  void marksLiftedControlsAsRelaxed() {
    DetectedEvent e =
        only(
            EventType.EXPORT_CONTROL,
            "Washington lifted the ban on Nvidia H20 sales to China and granted export licences.");
    assertThat(e.relaxed()).isTrue();
  }

  @Test
  void readsAGovernmentBanOnAForeignAiProduct() {
    DetectedEvent e =
        only(EventType.EXPORT_CONTROL, "Taiwan imposed a ban on DeepSeek in government agencies.");
    assertThat(e.facts()).containsEntry("target", "DeepSeek");
  }

  @Test
  void dropsCallsForABanAndExportingChats() {
    assertThat(
            events(
                "Lawmakers urged the Commerce Department to ban DeepSeek from government devices."))
        .isEmpty();
    assertThat(events("ChatGPT now lets users export your chat history as a file.")).isEmpty();
  }

  @Test
  void readsPartnershipParties() {
    DetectedEvent e =
        only(EventType.PARTNERSHIP, "Apple partners with OpenAI to bring ChatGPT to Siri.");
    assertThat(e.facts().get("parties")).contains("Apple").contains("OpenAI");
    assertThat(e.ended()).isFalse();
  }

  @Test
  void readsForcesJoinedAndAModelIntegratedAsPartnerships() {
    assertThat(
            only(
                    EventType.PARTNERSHIP,
                    "Nvidia has joined forces with Acme Robotics to build humanoid robots.")
                .facts()
                .get("parties"))
        .contains("Nvidia")
        .contains("Acme Robotics");
    assertThat(
            only(EventType.PARTNERSHIP, "Lenovo's assistant now integrates the DeepSeek model.")
                .facts()
                .get("parties"))
        .contains("Lenovo")
        .contains("DeepSeek");
  }

  @Test
  void marksTerminatedPartnershipsAsEnded() {
    DetectedEvent e =
        only(EventType.PARTNERSHIP, "Google is terminating its partnership with Scale AI.");
    assertThat(e.ended()).isTrue();
  }

  @Test
  void dropsPartnerAtSequoia() {
    assertThat(events("Alfred Lin, a partner at Sequoia Capital, praised OpenAI's progress."))
        .isEmpty();
    assertThat(events("Jane Doe, a partner with the law firm Baker McKenzie, advised Anthropic."))
        .isEmpty();
  }

  @Test
  void dropsARelationshipThatMerelyContinues() {
    assertThat(events("OpenAI said it would keep working with Scale AI.")).isEmpty();
  }

  @Test
  void readsAcquisitionsWithAcquirerTargetAndAmount() {
    DetectedEvent e =
        only(EventType.ACQUISITION, "Nvidia agreed to acquire Run:ai for $700 million.");
    assertThat(e.facts())
        .containsEntry("acquirer", "Nvidia")
        .containsEntry("target", "Run:ai")
        .containsEntry("amount_usd", "700000000");
  }

  @Test
  void readsACompanyAbsorbingAnotherButNotACostItAbsorbs() {
    DetectedEvent e =
        only(
            EventType.ACQUISITION,
            "Acme Cloud will absorb Beta Systems through a share swap, the two companies said.");
    assertThat(e.facts())
        .containsEntry("acquirer", "Acme Cloud")
        .containsEntry("target", "Beta Systems");
    assertThat(of(EventType.ACQUISITION, "TSMC absorbed Nvidia's price increase last quarter."))
        .isEmpty();
    assertThat(of(EventType.ACQUISITION, "Nvidia will absorb the cost of the new tariffs."))
        .isEmpty();
  }

  @Test
  void treatsABoughtMinorityStakeAsFundingNotAcquisition() {
    List<DetectedEvent> found = events("Meta is paying $14.3 billion for a 49% stake in Scale AI.");
    assertThat(found).extracting(DetectedEvent::type).containsExactly(EventType.FUNDING);
  }

  @Test
  void readsIpoFilingsAndExchange() {
    DetectedEvent e =
        only(EventType.IPO, "CoreWeave filed for an initial public offering on the Nasdaq.");
    assertThat(e.facts()).containsEntry("company", "CoreWeave").containsEntry("exchange", "Nasdaq");
  }

  @Test
  void readsAConfidentialRegistrationAsAnIpoFiledWhateverThePressReleaseCallsTheListing() {
    DetectedEvent e =
        only(
            EventType.IPO,
            "Lambda, Inc. today announced that it has confidentially submitted a draft registration"
                + " statement on Form S-1 with the U.S. Securities and Exchange Commission relating"
                + " to the proposed initial public offering of its common stock.");
    assertThat(e.facts()).containsEntry("company", "Lambda");
    assertThat(e.status()).isEqualTo(EventStatus.ANNOUNCED);
    assertThat(
            only(
                    EventType.IPO,
                    "Zeta Robotics filed its registration statement with the regulator, aiming to"
                        + " list in March.")
                .status())
        .isEqualTo(EventStatus.ANNOUNCED);
    assertThat(
            only(EventType.IPO, "Anthropic has hired lawyers to prepare for a possible IPO.")
                .status())
        .isEqualTo(EventStatus.REPORTED);
  }

  @Test
  void leavesADeedDoneAnnouncedWhenPlansComeOnlyInALaterClause() {
    assertThat(
            only(
                    EventType.FUNDING,
                    "Acme Robotics raised $100 million in a Series B round and plans to use the money"
                        + " to hire engineers.")
                .status())
        .isEqualTo(EventStatus.ANNOUNCED);
    assertThat(
            only(
                    EventType.ACQUISITION,
                    "Nvidia agreed to buy Run:ai for $700 million, which is expected to close this"
                        + " year.")
                .status())
        .isEqualTo(EventStatus.ANNOUNCED);
    // the plans are the listing's own: it stays reported
    assertThat(
            only(
                    EventType.IPO,
                    "Biren has raised 1.5 billion yuan from state funds and is preparing to file for"
                        + " a Hong Kong IPO.")
                .status())
        .isEqualTo(EventStatus.REPORTED);
    assertThat(only(EventType.FUNDING, "Acme Robotics is in talks to raise $100 million.").status())
        .isEqualTo(EventStatus.REPORTED);
  }

  @Test
  void takesAPersonsFormerEmployerForNoPartyToTheDeal() {
    DetectedEvent e =
        only(
            EventType.FUNDING,
            "Thinking Machines Lab, the startup founded by former OpenAI CTO Mira Murati, has"
                + " closed a $2 billion seed round led by Andreessen Horowitz.");
    assertThat(e.companies()).first().isEqualTo("Thinking Machines Lab");
    assertThat(e.facts().get("investors")).isEqualTo("Andreessen Horowitz");
    DetectedEvent staff =
        only(
            EventType.FUNDING,
            "Reflection AI, started by ex-Google DeepMind researchers, raised $130 million from"
                + " Nvidia.");
    assertThat(staff.companies()).first().isEqualTo("Reflection AI");
    assertThat(staff.facts().get("investors")).isEqualTo("Nvidia");
  }

  @Test
  void carriesTheCompanyIntoAPronounSentence() {
    DetectedEvent e =
        only(
            EventType.PARTNERSHIP,
            "Nvidia announced new products on Monday. It has teamed up with Cerence on in-car AI.");
    assertThat(e.facts().get("parties")).isEqualTo("Nvidia; Cerence");
  }

  private static List<DetectedEvent> of(EventType type, String text) {
    return events(text).stream().filter(e -> e.type() == type).toList();
  }

  @Test
  void dropsHypotheticalAcquisition() {
    assertThat(of(EventType.ACQUISITION, "Would it make sense for Oracle to buy Mistral AI?"))
        .isEmpty();
    assertThat(of(EventType.ACQUISITION, "Bankers say Salesforce could afford to acquire Cohere."))
        .isEmpty();
    assertThat(of(EventType.ACQUISITION, "Commentators speculate that IBM may buy Glean."))
        .isEmpty();
    assertThat(
            of(
                EventType.ACQUISITION,
                "If Salesforce bought Glean, it would own enterprise search."))
        .isEmpty();
  }

  @Test
  void keepsAStatementThatEndsInAnAsideQuestion() {
    DetectedEvent e =
        only(
            EventType.PARTNERSHIP,
            "Mistral AI models are now available in Oracle's cloud — who saw that coming?");
    assertThat(e.facts().get("parties")).contains("Mistral AI").contains("Oracle");
  }

  @Test
  void readsLicencesGrantedAsRelaxedExportControl() {
    for (String text :
        List.of(
            "Washington granted AMD licences to export its MI308 chips to China.",
            "AMD wins approval to sell the MI308 in China.",
            "Officials cleared AMD to resume shipments of a China-only accelerator.")) {
      DetectedEvent e = only(EventType.EXPORT_CONTROL, text);
      assertThat(e.relaxed()).as(text).isTrue();
      assertThat(e.companies()).as(text).startsWith("AMD");
    }
  }

  @Test
  void readsSalesSignedOffToTheGulfAsRelaxedExportControlsNamingTheCountries() {
    DetectedEvent e =
        only(
            EventType.EXPORT_CONTROL,
            "Washington has signed off on sales of AMD accelerators to Saudi Arabia's national AI"
                + " company and to Abu Dhabi.");
    assertThat(e.relaxed()).isTrue();
    assertThat(e.facts()).containsEntry("target", "Saudi Arabia; UAE");
  }

  @Test
  void readsABillOnChipsSoldAbroadAsAReportedExportControl() {
    DetectedEvent e =
        only(
            EventType.EXPORT_CONTROL,
            "Two senators introduced a bill to track advanced AI chips sold abroad.");
    assertThat(e.status()).isEqualTo(EventStatus.REPORTED);
    assertThat(e.facts()).containsEntry("authority", "US Congress");
  }

  @Test
  void readsTheListedCompanyNamedBeforeTheEntityList() {
    DetectedEvent e =
        only(EventType.EXPORT_CONTROL, "Commerce has put Zhipu AI on the Entity List.");
    assertThat(e.facts()).containsEntry("target", "Zhipu AI");
  }

  @Test
  void dropsACommentWithoutACompanyOnAnExportControlAlreadyRead() {
    List<DetectedEvent> found =
        of(
            EventType.EXPORT_CONTROL,
            "US adds Zhipu AI to the Entity List\n\n"
                + "Beijing called the move an abuse of export controls.");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).companies()).containsExactly("Zhipu AI");
  }

  @Test
  void takesTheCompanyWhoseRaiseItIsNotTheLeadInvestor() {
    DetectedEvent e = only(EventType.FUNDING, "Nvidia leads Mistral AI's $2 billion round.");
    assertThat(e.companies()).startsWith("Mistral AI");
    assertThat(e.facts()).containsEntry("investors", "Nvidia");
    DetectedEvent led = only(EventType.FUNDING, "Nvidia led a $300 million round for Cohere.");
    assertThat(led.companies()).startsWith("Cohere");
  }

  @Test
  void neverTakesAValuationAsTheAmount() {
    DetectedEvent e =
        only(
            EventType.FUNDING,
            "xAI is in talks to raise $12 billion in a round led by Nvidia that would value it at"
                + " $200 billion.");
    assertThat(e.companies()).startsWith("xAI");
    assertThat(e.facts())
        .containsEntry("amount_usd", "12000000000")
        .containsEntry("valuation_usd", "200000000000")
        .containsEntry("investors", "Nvidia");
    assertThat(
            only(
                    EventType.FUNDING,
                    "Cohere raised $500 million in a deal that values it at $7 billion.")
                .facts())
        .containsEntry("amount_usd", "500000000")
        .containsEntry("valuation_usd", "7000000000");
  }

  @Test
  void mergesAHeadlineAndItsFollowingSentenceIntoOneEvent() {
    List<DetectedEvent> found =
        of(
            EventType.FUNDING,
            "Cohere closes $500 million round\n\n"
                + "Cohere said it raised the money in a Series D led by Nvidia that values it at"
                + " $6.8 billion.");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).facts())
        .containsEntry("amount_usd", "500000000")
        .containsEntry("valuation_usd", "6800000000")
        .containsEntry("round", "Series D")
        .containsEntry("investors", "Nvidia");
  }

  @Test
  void marksReadiesAndNearsAsReported() {
    assertThat(only(EventType.IPO, "Databricks readies its IPO filing.").status())
        .isEqualTo(EventStatus.REPORTED);
    assertThat(only(EventType.FUNDING, "Mistral AI nears close of a $1 billion round.").status())
        .isEqualTo(EventStatus.REPORTED);
  }

  @Test
  void countsACustomerOutsideTheKnowledgeBaseThatPicksAModel() {
    for (String text :
        List.of(
            "Volvo picks Google's Gemini for its next in-car assistant.",
            "Carmaker Renault taps Mistral AI to power its voice assistant.",
            "Shares rose after automaker Stellantis agreed to build Claude into its dashboards.",
            "Siemens and Microsoft announced a partnership to bring Copilot to factory floors.")) {
      DetectedEvent e = only(EventType.PARTNERSHIP, text);
      assertThat(e.facts().get("parties").split("; ")).as(text).hasSize(2);
    }
    assertThat(
            only(
                    EventType.PARTNERSHIP,
                    "Volvo picks Google's Gemini for its next in-car assistant.")
                .facts())
        .containsEntry("parties", "Google; Volvo");
  }

  @Test
  void doesNotReadAHireOrAPronounAsAPartner() {
    assertThat(of(EventType.PARTNERSHIP, "OpenAI taps Google's former executive for its CFO job."))
        .isEmpty();
    assertThat(of(EventType.PARTNERSHIP, "Cohere said on Monday that we are teaming up soon."))
        .isEmpty();
  }

  @Test
  void putsTheHostFirstWhenAModelLandsInItsProduct() {
    DetectedEvent e = only(EventType.PARTNERSHIP, "Anthropic's Claude lands in Apple's Xcode.");
    assertThat(e.companies()).containsExactly("Apple", "Anthropic");
  }

  @Test
  void readsAnOrganizationOutsideTheKnowledgeBase() { // issue 18
    DetectedEvent e = only(EventType.FUNDING, "Acme Robotics raised $20 million in a Series A.");
    assertThat(e.companies()).containsExactly("Acme Robotics");
    assertThat(e.facts()).containsEntry("amount_usd", "20000000");
  }

  @Test
  void needsAnOrganization() {
    assertThat(events("The team raised $20 million in a Series A.")).isEmpty();
  }

  @Test
  void neverTakesANewsOutletForAParty() { // issue 18
    assertThat(events("SAN FRANCISCO (Reuters) - Acme Robotics raised $20 million on Monday."))
        .extracting(DetectedEvent::companies)
        .containsExactly(List.of("Acme Robotics"));
  }

  @Test
  void readsThePassiveAndThePossessiveAcquirer() {
    DetectedEvent passive =
        only(EventType.ACQUISITION, "Habana Labs, acquired by Intel in 2019, makes AI chips.");
    assertThat(passive.facts())
        .containsEntry("acquirer", "Intel")
        .containsEntry("target", "Habana Labs");
    DetectedEvent possessive =
        only(EventType.ACQUISITION, "Zenith Holdings' $2B takeover of Cohere closed on Friday.");
    assertThat(possessive.facts())
        .containsEntry("acquirer", "Zenith Holdings") // as the text names it (issue 18)
        .containsEntry("target", "Cohere");
  }

  @Test
  void readsAControlAcrossTheDotsOfUs() {
    DetectedEvent e =
        only(
            EventType.EXPORT_CONTROL,
            "AMD will resume MI308 sales to China, lifting a curb the U.S. government had placed"
                + " on the part.");
    assertThat(e.relaxed()).isTrue();
    assertThat(e.facts().get("items")).contains("MI308");
  }

  @Test
  void readsBringingAModelIntoAProductAsAPartnership() {
    DetectedEvent e =
        only(EventType.PARTNERSHIP, "Samsung will bring Perplexity's assistant into its phones.");
    assertThat(e.companies()).contains("Samsung", "Perplexity");
  }
}
