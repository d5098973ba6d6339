package dev.bellwether.core.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.org.OrgMention.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrganizationFinderTest {
  /** A few known companies, so that the names under test are the finder's to find. */
  private static final CompanyKnowledgeBase KB =
      CompanyKnowledgeBase.parse(
          """
          companies:
            - name: Cisco
            - name: Nvidia
              aliases: [NVIDIA]
            - name: TSMC
            - name: ASML
            - name: SMIC
            - name: OpenAI
            - name: Samsung
            - name: SoftBank
            - name: Alibaba
            - name: Microsoft
            - name: Google
          """,
          "test-companies.yaml");

  private static final OrganizationFinder FINDER = OrganizationFinder.builtIn();

  private static List<OrgMention> find(String text) {
    return FINDER.find(text, KB.findMentions(text));
  }

  private static List<String> names(String text) {
    return find(text).stream().map(OrgMention::name).toList();
  }

  @Test
  void findsAStartupThatAKnownCompanyAgreesToBuy() {
    String text =
        "Tel Aviv-based Apex Security, which Cisco agreed on Wednesday to buy, makes tools that"
            + " watch AI agents for banks in Israel.";
    assertThat(find(text))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(tuple("Apex Security", Kind.TECH));
  }

  @Test
  void neverReturnsACityACountryOrAWeekday() {
    assertThat(
            names(
                "On Wednesday, officials from Beijing, Shenzhen and Tokyo met counterparts from"
                    + " South Korea, Taiwan, Hong Kong and the United States in Silicon Valley."))
        .isEmpty();
    assertThat(names("Thursday's talks in Abu Dhabi and Riyadh ended without a deal for the EU."))
        .isEmpty();
  }

  @Test
  void tellsAStartupRaisingMoneyFromTheInvestorLeadingTheRound() {
    List<OrgMention> found =
        FINDER.find(
            "French startup Mistral AI raised €600 million in a round led by General Catalyst.",
            List.of());
    assertThat(found)
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(tuple("Mistral AI", Kind.TECH), tuple("General Catalyst", Kind.OTHER));
  }

  @Test
  void returnsNothingForPeople() {
    assertThat(names("Sam Altman said the company would keep shipping.")).isEmpty();
    assertThat(names("Nvidia CEO Jensen Huang raised the forecast; Mr. Huang was upbeat."))
        .isEmpty();
    assertThat(names("Commerce Secretary Howard Lutnick backed the rule.")).isEmpty();
  }

  @Test
  void readsAnAgencyNameAcrossItsConnectors() {
    assertThat(find("The Bureau of Industry and Security added 140 Chinese entities to its list."))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(tuple("Bureau of Industry and Security", Kind.OTHER));
  }

  @Test
  void titleCaseHeadlineYieldsNoJunk() {
    assertThat(names("Nvidia Shares Jump After Record Quarter")).isEmpty();
    assertThat(names("Why Investors Are Piling Into AI Chip Startups Like Cisco")).isEmpty();
    assertThat(names("Exclusive: Samsung Weighs New Memory Plant As Demand Soars")).isEmpty();
  }

  @Test
  void headlineKeepsNamesWithEvidence() {
    assertThat(find("Exclusive: Decagon Raises $131 Million From Lightspeed Venture Partners"))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(
            tuple("Decagon", Kind.TECH), tuple("Lightspeed Venture Partners", Kind.OTHER));
  }

  @Test
  void evidenceElsewhereInTheTextCarriesIntoTheHeadline() {
    String text =
        "Moore Threads Files For Shanghai Listing\n"
            + "Chinese GPU maker Moore Threads filed for an IPO on Shanghai's STAR Market.";
    assertThat(find(text))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(
            tuple("Moore Threads", Kind.TECH),
            tuple("Moore Threads", Kind.TECH),
            tuple("STAR Market", Kind.OTHER));
  }

  @Test
  void stripsThePossessive() {
    List<OrgMention> found =
        FINDER.find("Cohere's funding round drew Canadian pension funds.", List.of());
    assertThat(found)
        .extracting(OrgMention::name, OrgMention::surface, OrgMention::kind)
        .containsExactly(tuple("Cohere", "Cohere", Kind.TECH));
  }

  @Test
  void venturePartnersAndOtherInvestorsAreOtherOrganizations() {
    assertThat(
            find(
                "The round was led by Lightspeed Venture Partners, with participation from Index"
                    + " Ventures and Radical Ventures."))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(
            tuple("Lightspeed Venture Partners", Kind.OTHER),
            tuple("Index Ventures", Kind.OTHER),
            tuple("Radical Ventures", Kind.OTHER));
  }

  @Test
  void startupInAnAppositiveIsTechAndItsCityIsNot() {
    assertThat(FINDER.find("Sakana AI, a Tokyo-based startup, raised $200 million.", List.of()))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(tuple("Sakana AI", Kind.TECH));
  }

  @Test
  void weekdayOrMonthOpeningASentenceIsNoName() {
    assertThat(names("Monday's deal values Apex Robotics at $2 billion."))
        .containsExactly("Apex Robotics");
    assertThat(names("March was busy. Sept. 5 is the deadline. January saw Harbor Labs raise $5m."))
        .containsExactly("Harbor Labs");
  }

  @Test
  void sameSurfaceGivesTheSameNameInEveryText() {
    List<OrgMention> first = find("Quill Labs, Inc. agreed to buy a rival.");
    List<OrgMention> second = find("Investors backed Quill Labs, Inc. last year; Quill Labs grew.");
    assertThat(first)
        .extracting(OrgMention::surface, OrgMention::name)
        .containsExactly(tuple("Quill Labs, Inc.", "Quill Labs"));
    assertThat(second)
        .extracting(OrgMention::surface, OrgMention::name)
        .containsExactly(
            tuple("Quill Labs, Inc.", "Quill Labs"), tuple("Quill Labs", "Quill Labs"));
  }

  @Test
  void keepsLegalSuffixesInTheSurfaceOnly() {
    String text = "Apex Labs, Inc. agreed to buy Quantum Widgets LLC and Orbital Systems Co., Ltd.";
    List<OrgMention> found = find(text);
    assertThat(found)
        .extracting(OrgMention::name, OrgMention::surface)
        .containsExactly(
            tuple("Apex Labs", "Apex Labs, Inc."),
            tuple("Quantum Widgets", "Quantum Widgets LLC"),
            tuple("Orbital Systems", "Orbital Systems Co., Ltd."));
    assertThat(found)
        .allSatisfy(m -> assertThat(text.substring(m.start(), m.end())).isEqualTo(m.surface()));
  }

  @Test
  void skipsKnownCompaniesIncludingTheirAcronyms() {
    assertThat(
            names(
                "Jensen Huang told reporters in Taipei that TSMC, ASML and SMIC would all benefit"
                    + " as Nvidia expands."))
        .isEmpty();
  }

  @Test
  void dropsNamesThatOnlyContinueAKnownCompany() {
    assertThat(names("Samsung Electronics and SoftBank Vision Fund invested in the round."))
        .isEmpty();
    assertThat(names("Alibaba Group Holding raised its stake.")).isEmpty();
  }

  @Test
  void knownCompanyBackingAStartupIsNotReturnedButTheStartupIs() {
    assertThat(find("Nvidia-backed Lattice Compute raised $50 million."))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(tuple("Lattice Compute", Kind.TECH));
  }

  @Test
  void acceptsALowerCaseLedNameNextToAnEvent() {
    assertThat(FINDER.find("iFlytek raised 4 billion yuan in a private placement.", List.of()))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(tuple("iFlytek", Kind.TECH));
    assertThat(names("Cisco agreed to acquire eLoom, its longtime supplier."))
        .containsExactly("eLoom");
    assertThat(names("The iPhone and macOS updates ship in eLoom stores.")).isEmpty();
  }

  @Test
  void leavesOutANameWithoutEvidence() {
    assertThat(names("Tokyo Electron shares fell after the Dutch government widened its rules."))
        .isEmpty();
    assertThat(find("Chipmaker Tokyo Electron said sales to China would slow."))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(tuple("Tokyo Electron", Kind.TECH));
  }

  @Test
  void sovereignFundsBanksAndExchangesAreOtherOrganizations() {
    assertThat(
            find(
                "The Abu Dhabi Investment Authority and MGX joined, while Goldman Sachs and Morgan"
                    + " Stanley lead the listing on the Nasdaq."))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(
            tuple("Abu Dhabi Investment Authority", Kind.OTHER),
            tuple("MGX", Kind.OTHER),
            tuple("Goldman Sachs", Kind.OTHER),
            tuple("Morgan Stanley", Kind.OTHER),
            tuple("Nasdaq", Kind.OTHER));
  }

  @Test
  void investorsListedAfterLedByAreOtherOrganizations() {
    assertThat(
            find(
                "Helsing, Europe's largest defence AI startup, raised €600 million led by Prima"
                    + " Materia, Halcyon and Brightwater."))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(
            tuple("Helsing", Kind.TECH),
            tuple("Prima Materia", Kind.OTHER),
            tuple("Halcyon", Kind.OTHER),
            tuple("Brightwater", Kind.OTHER));
  }

  @Test
  void makerOfCarsIsOtherButMakerOfChipsIsTech() {
    assertThat(find("Nvidia partnered with Zeekr, the Chinese electric-vehicle maker."))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(tuple("Zeekr", Kind.OTHER));
    assertThat(find("Nvidia partnered with Axelera, the Dutch AI chip maker."))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(tuple("Axelera", Kind.TECH));
  }

  @Test
  void governmentBodiesAreOtherOrganizations() {
    assertThat(find("China's Ministry of Commerce said it would restrict exports of gallium."))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(tuple("Ministry of Commerce", Kind.OTHER));
    assertThat(find("The European Commission fined Google under the Digital Markets Act."))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(tuple("European Commission", Kind.OTHER));
  }

  @Test
  void tradeTermsRoundsProductsAndLawsAreNoNames() {
    assertThat(names("Its Series B round drew AI, GPU and IPO investors.")).isEmpty();
    assertThat(names("Nvidia's Blackwell B200 and H20 chips outsold the GB200 NVL72.")).isEmpty();
    assertThat(names("The CHIPS and Science Act and the GAIN AI Act target chipmakers.")).isEmpty();
  }

  @Test
  void universityAndStartupJoinedByAndStayApart() {
    assertThat(
            FINDER.find("The University of Tokyo and Sakana AI signed a partnership.", List.of()))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(tuple("University of Tokyo", Kind.OTHER), tuple("Sakana AI", Kind.TECH));
  }

  @Test
  void lastNameOfAPersonNamedInTheTextIsNoOrganization() {
    assertThat(names("Elon Musk runs the lab. Musk invested in the company again.")).isEmpty();
    assertThat(names("Backers include Birchall, who runs a family office.")).isEmpty();
  }

  @Test
  void familyNameOfAPersonOftenInTheNewsIsNoOrganization() {
    assertThat(names("Trump backed the sale of the chips, and Musk invested $100 million."))
        .isEmpty();
    assertThat(names("Elon Musk's xAI merged with X. Musk invested again.")).containsExactly("xAI");
  }

  @Test
  void commonWordOpeningASentenceNeedsMoreThanAnEvent() {
    assertThat(names("Competitors raised prices, and competitors expect more.")).isEmpty();
    assertThat(names("Wiz agreed to be acquired by Google for $32 billion."))
        .containsExactly("Wiz");
  }

  @Test
  void nameThatIsAlsoAGivenNameIsFoundWhenAlone() {
    assertThat(FINDER.find("Legal AI startup Harvey raised $300 million.", List.of()))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(tuple("Harvey", Kind.TECH));
    assertThat(FINDER.find("Li Auto and Max Planck Institute signed a deal.", List.of()))
        .extracting(OrgMention::name)
        .containsExactly("Max Planck Institute");
  }

  @Test
  void findsNamesInTextOrderWithTheirOffsets() {
    String text = "Synopsys agreed to acquire Ansys, and ServiceNow will acquire Moveworks.";
    List<OrgMention> found = find(text);
    assertThat(found)
        .extracting(OrgMention::name)
        .containsExactly("Synopsys", "Ansys", "ServiceNow", "Moveworks");
    assertThat(found)
        .allSatisfy(m -> assertThat(text.substring(m.start(), m.end())).isEqualTo(m.surface()));
  }

  @Test
  void placeFollowedByACompanyNounIsAnOrganization() {
    assertThat(find("Palo Alto Networks will acquire CyberArk for $25 billion."))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(tuple("Palo Alto Networks", Kind.TECH), tuple("CyberArk", Kind.TECH));
    assertThat(names("Officials in Palo Alto and Texas met.")).isEmpty();
  }

  @Test
  void shortAcronymIsANameOnlyWhenItActs() {
    assertThat(names("SAP is buying WalkMe for $1.5 billion.")).containsExactly("SAP", "WalkMe");
    assertThat(names("Nvidia agreed to acquire XYZ last year.")).containsExactly("XYZ");
    assertThat(names("XYZ's acquisition of a rival closed.")).containsExactly("XYZ");
    assertThat(names("The GPU shortage worried the CEO, and XYZ said nothing.")).isEmpty();
  }

  @Test
  void commonWordInsideABoughtNameDoesNotCutIt() {
    assertThat(names("Meituan is acquiring Light Year for $233.7 million."))
        .containsExactly("Meituan", "Light Year");
    assertThat(names("Apple spent $3 billion on Beats Electronics in 2014."))
        .containsExactly("Beats Electronics");
    assertThat(names("Light Year was a hit film.")).isEmpty();
  }

  @Test
  void companyThatSaysItClosedADealActsInIt() {
    assertThat(names("Naver said it had closed its roughly $600 million takeover of Wattpad."))
        .containsExactly("Naver", "Wattpad");
    assertThat(names("Naver said it would keep its options open.")).isEmpty();
  }

  @Test
  void dealNamedAfterACompanyAndWhatWasPaidForItAreEvidence() {
    assertThat(
            names(
                "At $32bn, the Wiz deal dwarfs anything Google has bought before, including the"
                    + " $12.5bn it paid for Motorola Mobility in 2012."))
        .containsExactly("Wiz", "Motorola Mobility");
  }

  @Test
  void appositiveGroupIsTechUnlessItsTradeIsNot() {
    assertThat(
            find(
                "Meituan, the Chinese food-delivery group, said on Thursday it is acquiring Light"
                    + " Year"))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(tuple("Meituan", Kind.TECH), tuple("Light Year", Kind.TECH));
    assertThat(find("Nvidia partnered with Hanwa, the Korean private-equity group."))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(tuple("Hanwa", Kind.OTHER));
    assertThat(find("Cisco agreed to buy Israeli car-technology company Mobileye."))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(tuple("Mobileye", Kind.TECH));
  }

  @Test
  void companyThatFilesPricesOrDebutsAListingIsFound() {
    assertThat(names("Cerebras files for IPO")).containsExactly("Cerebras");
    assertThat(names("Zhipu prices its Hong Kong listing")).containsExactly("Zhipu");
    assertThat(names("Moore Threads debuted on the STAR Market"))
        .containsExactly("Moore Threads", "STAR Market");
    assertThat(names("Kioxia shares jumped in their debut on Wednesday."))
        .containsExactly("Kioxia");
    assertThat(names("Figma's shares leapt 250% on their first day of trading."))
        .containsExactly("Figma");
    assertThat(names("Reddit went public in March.")).containsExactly("Reddit");
    assertThat(names("Getty filed a lawsuit, and Kioxia shares fell after the rules.")).isEmpty();
  }

  @Test
  void companiesAddedToAnExportBlacklistAreFound() {
    assertThat(find("The Commerce Department added Inspur and Sugon to the Entity List."))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(
            tuple("Commerce Department", Kind.OTHER),
            tuple("Inspur", Kind.TECH),
            tuple("Sugon", Kind.TECH));
    assertThat(names("Washington blacklisted SMIC, Phytium and Sunway last year."))
        .containsExactly("Phytium", "Sunway");
  }

  @Test
  void everyNameInAListAfterAnInvestorOrPartnerVerbIsFound() {
    assertThat(find("The round drew investors including Thrive Capital, Coatue and Dragoneer."))
        .extracting(OrgMention::name, OrgMention::kind)
        .containsExactly(
            tuple("Thrive Capital", Kind.OTHER),
            tuple("Coatue", Kind.OTHER),
            tuple("Dragoneer", Kind.OTHER));
    assertThat(names("Cisco partnered with Mistral AI and Cohere."))
        .containsExactly("Mistral AI", "Cohere");
    assertThat(names("Blacklisted were AI companies Alibaba, Megvii, Yitu and Cisco."))
        .containsExactly("Megvii", "Yitu");
  }

  @Test
  void companyThatRaisesAfterAClauseOrClosesARoundActs() {
    assertThat(names("Etched, which is building a chip called Sohu, closed a $500 million round."))
        .containsExactly("Etched");
    assertThat(names("Wa'ed Ventures put $15 million into Rebellions last year."))
        .containsExactly("Wa'ed Ventures", "Rebellions");
    assertThat(names("Thomson Reuters snapped up HighQ and ThoughtTrace."))
        .contains("HighQ", "ThoughtTrace");
    assertThat(names("The fund is backed by Chengdu's Hi-Tech Industrial Development Zone."))
        .isEmpty();
  }

  @Test
  void readsAFewKilobytesOfNewsWithoutBlowingUp() {
    String article =
        ("Tel Aviv-based Apex Security, which Cisco agreed on Wednesday to buy, raised $40 million"
                + " last year in a round led by Lightspeed Venture Partners. French startup Mistral"
                + " AI raised €600 million led by General Catalyst, while Nvidia CEO Jensen Huang"
                + " said in Taipei that TSMC would expand. The Bureau of Industry and Security"
                + " added 140 Chinese entities to its list on Monday.\n")
            .repeat(3);
    long start = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      assertThat(FINDER.find(article, KB.findMentions(article))).isNotEmpty();
    }
    // a hang guard (a pattern gone exponential), not a speed target: the finder's speed is part of
    // TaggerBenchmark and TaggerCpuTime (docs/benchmarks.md), run on a quiet machine
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(java.time.Duration.ofSeconds(20));
  }
}
