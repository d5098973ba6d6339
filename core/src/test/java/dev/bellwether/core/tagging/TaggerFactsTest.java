package dev.bellwether.core.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Facts read by the rules: who buys what, lists of purchases, targets, amounts beside listings. */
class TaggerFactsTest {
  private static final Tagger TAGGER = Tagger.builtIn();

  private static List<DetectedEvent> of(EventType type, String text) {
    return TAGGER.tag(text).events().stream().filter(e -> e.type() == type).toList();
  }

  private static List<String> facts(List<DetectedEvent> events, String key) {
    return events.stream().map(e -> e.facts().getOrDefault(key, "-")).toList();
  }

  @Test
  void aListOfPurchasesIsOnePurchaseEachWithItsOwnPrice() {
    List<DetectedEvent> bought =
        of(
            EventType.ACQUISITION,
            "Over three years AMD bought Xilinx for $49 billion in 2022, ZT Systems for $4.9"
                + " billion in 2025 and Silo AI.");
    assertThat(facts(bought, "target")).containsExactly("Xilinx", "ZT Systems", "Silo AI");
    assertThat(facts(bought, "acquirer")).containsOnly("AMD");
    assertThat(facts(bought, "amount_usd")).containsExactly("49000000000", "4900000000", "-");
  }

  @Test
  void eachBuyingVerbHasItsOwnBuyer() {
    List<DetectedEvent> bought =
        of(
            EventType.ACQUISITION,
            "Salesforce bought Slack in 2021, and Adobe purchased Figma's rival Frame.io.");
    assertThat(bought)
        .extracting(e -> e.facts().get("acquirer") + ">" + e.facts().get("target"))
        .contains("Salesforce>Slack", "Adobe>Frame.io");
  }

  @Test
  void theCompanyBeforeAPurchaseNounIsTheOneBought() {
    DetectedEvent e =
        of(
                EventType.ACQUISITION,
                "The Neon purchase is the biggest Databricks has made since it began buying"
                    + " startups.")
            .get(0);
    assertThat(e.facts()).containsEntry("target", "Neon").containsEntry("acquirer", "Databricks");
  }

  @Test
  void aUnitFiledUnderItsBuyerIsNamedAsBought() {
    DetectedEvent e =
        of(EventType.ACQUISITION, "Facebook bought WhatsApp for $19 billion in 2014.").get(0);
    assertThat(e.facts()).containsEntry("acquirer", "Meta").containsEntry("target", "WhatsApp");
  }

  @Test
  void anOrganizationPutOnTheEntityListIsTheTargetWhoeverItIs() {
    DetectedEvent e =
        of(
                EventType.EXPORT_CONTROL,
                "The Commerce Department added Zhongke Tianji Microsystems to the Entity List on"
                    + " Monday.")
            .get(0);
    assertThat(e.facts()).containsEntry("target", "Zhongke Tianji Microsystems");
  }

  @Test
  void moneyRaisedInAListingIsNoFundingRound() {
    String ipo = "Cerebras raised $1.1 billion in its Nasdaq IPO, pricing shares at $28.";
    assertThat(of(EventType.FUNDING, ipo)).isEmpty();
    assertThat(of(EventType.IPO, ipo)).isNotEmpty();
    assertThat(
            of(
                EventType.FUNDING,
                "Cerebras raised $250 million in a pre-IPO round led by Fidelity."))
        .isNotEmpty();
  }

  @Test
  void aValuationsDollarEquivalentIsTheValuation() {
    DetectedEvent e =
        of(
                EventType.FUNDING,
                "Sakana AI raised $100 million in a round that values the Tokyo lab at 300"
                    + " billion yen ($2 billion).")
            .get(0);
    assertThat(e.facts())
        .containsEntry("amount_usd", "100000000")
        .containsEntry("valuation_usd", "2000000000");
  }

  @Test
  void buyingGoodsCollapsedDealsAndBlankCheckListingsAreNoAcquisitions() {
    assertThat(of(EventType.ACQUISITION, "Humain plans to buy 18,000 more Nvidia GPUs.")).isEmpty();
    assertThat(of(EventType.ACQUISITION, "Nvidia will buy $5 billion of Intel common stock."))
        .isEmpty();
    assertThat(
            of(
                EventType.ACQUISITION,
                "Intel is calling off its $5.4 billion agreement to buy Tower Semiconductor."))
        .isEmpty();
    assertThat(of(EventType.ACQUISITION, "Altium rebuffed a takeover bid from Autodesk in 2021."))
        .isEmpty();
    assertThat(
            of(
                EventType.ACQUISITION,
                "SoundHound agreed to go public by merging with blank-check firm Archimedes Tech"
                    + " SPAC Partners."))
        .isEmpty();
    assertThat(
            of(
                EventType.ACQUISITION,
                "Perplexity has been floated as a possible acquisition target for Samsung."))
        .isEmpty();
  }

  @Test
  void aPurchasesPriceIsNoFundingAndItsAgreementNoPartnership() {
    String bought = "Nvidia paid $6.9 billion for Mellanox Technologies, closing the deal in 2020.";
    assertThat(of(EventType.ACQUISITION, bought)).isNotEmpty();
    assertThat(of(EventType.FUNDING, bought)).isEmpty();
    String merged = "Rebellions signed an agreement to merge with Sapeon Korea on Sunday.";
    assertThat(of(EventType.ACQUISITION, merged)).isNotEmpty();
    assertThat(of(EventType.PARTNERSHIP, merged)).isEmpty();
    assertThat(
            of(
                EventType.PARTNERSHIP,
                "Cisco will buy Splunk for $28 billion and formed a separate AI partnership with"
                    + " Nvidia."))
        .isNotEmpty();
  }

  @Test
  void aVentureFirmRaisingItsOwnFundIsNoFunding() {
    assertThat(
            of(
                EventType.FUNDING,
                "Andreessen Horowitz is raising a $20 billion fund for AI companies, Reuters said."))
        .isEmpty();
  }

  @Test
  void listingsWordedAsFloatsDebutsFirstDaysAndShareSales() {
    for (String text :
        List.of(
            "Cerebras floated on the Nasdaq in March, raising $1.1 billion.",
            "Cerebras opened 40% above its $28 offer price on its first day of trading.",
            "Cerebras sold 40 million shares at $28 each in its long-delayed flotation.",
            "Cerebras went public in New York on Thursday.",
            "Cerebras plans a Nasdaq listing as soon as April, people familiar said.")) {
      assertThat(of(EventType.IPO, text)).as(text).isNotEmpty();
    }
    assertThat(
            of(
                EventType.IPO,
                "G42 sold a 2% stake in Presight AI to widen the free float of its shares."))
        .isEmpty();
  }

  @Test
  void exportControlsWordedAsDeviceBansLicencesNeededAndBlacklistings() {
    for (String text :
        List.of(
            "Ohio's governor barred DeepSeek from state-issued phones and laptops on Monday.",
            "Tokyo said toolmakers will need licences to ship 23 kinds of chipmaking equipment"
                + " abroad.",
            "Washington blacklisted Chinese memory maker YMTC on Thursday.")) {
      assertThat(of(EventType.EXPORT_CONTROL, text)).as(text).isNotEmpty();
    }
    assertThat(
            of(
                EventType.EXPORT_CONTROL,
                "A school district in Ohio blocked ChatGPT on its students' laptops."))
        .isEmpty();
  }

  @Test
  void eachEventSaysWhichWordsOfTheRulesReadIt() {
    assertThat(of(EventType.ACQUISITION, "Nvidia bought Run:ai for $700 million.").get(0).why())
        .isEqualTo("rule: acquisition, 'bought'");
    assertThat(of(EventType.FUNDING, "Mistral AI raised $600 million.").get(0).why())
        .isEqualTo("rule: funding, 'raised'");
    assertThat(
            of(EventType.EXPORT_CONTROL, "Washington added Sophgo to the Entity List.")
                .get(0)
                .why())
        .startsWith("rule: export control, '");
  }

  @Test
  void raisingAPriceTargetOrAForecastIsNoFunding() {
    assertThat(
            of(
                EventType.FUNDING,
                "An analyst at Bank of America raised his CoreWeave price target to $185 from"
                    + " $76."))
        .isEmpty();
    assertThat(of(EventType.FUNDING, "Nvidia raised its revenue forecast to $54 billion."))
        .isEmpty();
    assertThat(
            of(
                EventType.FUNDING,
                "Moore Threads raised $22 million in a Series B led by a state guidance fund."))
        .isNotEmpty();
  }
}
