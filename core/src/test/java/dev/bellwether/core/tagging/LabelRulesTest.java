package dev.bellwether.core.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hard-case rules 1–10 of the labelling guide, on sentences written for these tests. */
class LabelRulesTest {
  private static final Tagger TAGGER = Tagger.builtIn();

  private static List<DetectedEvent> events(String text) {
    return TAGGER.tag(text).events();
  }

  private static List<DetectedEvent> of(EventType type, String text) {
    return events(text).stream().filter(e -> e.type() == type).toList();
  }

  private static DetectedEvent only(EventType type, String text) {
    List<DetectedEvent> found = of(type, text);
    assertThat(found).as("%s in: %s", type, text).hasSize(1);
    return found.get(0);
  }

  // Rule 1: denials, collapsed talks, declined offers, hypotheticals, statistics, unnamed parties.
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Cohere denied a report that it is raising $1 billion.",
        "Talks for Nvidia to invest in Groq collapsed in the spring.",
        "Databricks rejected a takeover offer from Snowflake last year.",
        "If Apple were to buy Perplexity, it would gain a search engine overnight.",
        "Generative AI start-ups raised $56 billion worldwide in 2024, a tracker found.",
        "Cohere signed a partnership with an unnamed Fortune 500 bank.",
      })
  void rule1_noEventForDenialsCollapsesHypotheticalsStatisticsOrUnnamedParties(String text) {
    assertThat(events(text)).as(text).isEmpty();
  }

  // Rule 2: a specific past event in passing is labelled; an epithet or a continuing tie is not.
  @Test
  void rule2_labelsAPastEventInPassingButNotAnEpithet() {
    DetectedEvent past =
        only(
            EventType.ACQUISITION,
            "Habana Labs, which Intel acquired in 2019 for $2 billion, is shipping a new chip.");
    assertThat(past.facts()).containsEntry("acquirer", "Intel");
    assertThat(of(EventType.FUNDING, "Amazon-backed Anthropic released a coding model today."))
        .isEmpty();
    assertThat(of(EventType.PARTNERSHIP, "Oracle will keep working with OpenAI on its servers."))
        .isEmpty();
  }

  // Rule 3: export controls hurting sales are an export control, even without an authority.
  @Test
  void rule3_readsExportControlsHurtingSales() {
    DetectedEvent e =
        only(
            EventType.EXPORT_CONTROL,
            "AMD said export restrictions hit its data-centre sales in China last quarter.");
    assertThat(e.facts()).containsEntry("target", "China");
  }

  // Rule 4: calls for restrictions are no event; a bill introduced is a reported control.
  @Test
  void rule4_dropsCallsButReadsABillAsReported() {
    assertThat(
            events("A think tank urged Washington to block sales of Nvidia accelerators to China."))
        .isEmpty();
    DetectedEvent bill =
        only(
            EventType.EXPORT_CONTROL,
            "Two senators introduced a bill to require licences for exports of Nvidia AI chips"
                + " to China.");
    assertThat(bill.status()).isEqualTo(EventStatus.REPORTED);
    assertThat(bill.facts().get("items")).contains("AI chips");
  }

  // Rule 5: domestic or private bans are not export controls.
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "A school district in Oregon blocked Character.AI on student laptops.",
        "Meta banned political advertisers from using its AI ad tools.",
        "Italy's privacy watchdog fined Perplexity over its handling of user data.",
      })
  void rule5_domesticOrPrivateBansAreNotExportControls(String text) {
    assertThat(of(EventType.EXPORT_CONTROL, text)).as(text).isEmpty();
  }

  // Rule 6: a licence-and-hire deal is a partnership; a bought minority stake is funding.
  @Test
  void rule6_acquiHireIsPartnershipAndMinorityStakeIsFunding() {
    String hire = "Microsoft agreed to license Inflection AI's models and hire most of its staff.";
    assertThat(of(EventType.ACQUISITION, hire)).isEmpty();
    assertThat(only(EventType.PARTNERSHIP, hire).companies())
        .contains("Microsoft", "Inflection AI");
    String stake = "SoftBank bought a minority stake in Perplexity for $500 million.";
    assertThat(of(EventType.ACQUISITION, stake)).isEmpty();
    assertThat(only(EventType.FUNDING, stake).companies()).startsWith("Perplexity");
  }

  // Rule 7: government money (grants, programmes) and purchase orders are not funding.
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "The Commerce Department awarded Micron a $6 billion grant for new fabs.",
        "xAI placed orders for $3 billion worth of chips from Nvidia.",
        "Acme Semiconductor will receive up to $120 million in direct funding from CHIPS for"
            + " America to expand its plant.",
        "Acme Semiconductor took in $75 million of state incentives for its new fab.",
      })
  void rule7_governmentMoneyAndPurchaseOrdersAreNotFunding(String text) {
    assertThat(of(EventType.FUNDING, text)).as(text).isEmpty();
  }

  // Rule 8: "partner", "export", "ban" and "IPO" in other senses are no event.
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Mistral AI's latest model impressed Jane Roe, a partner at a Paris venture firm.",
        "Users can now export their Perplexity threads as PDF files.",
        "Runway lifted its ban on videos of public figures after a review.",
        "Scale AI's founder said an IPO is not on the table for now.",
      })
  void rule8_distractorSensesAreNoEvent(String text) {
    assertThat(events(text)).as(text).isEmpty();
  }

  // Rule 9: amended-but-ended exclusivity is no end; terminating is; plans to cut ties, reported.
  @Test
  void rule9_readsTheEndOfAPartnershipByItsWording() {
    DetectedEvent amended =
        only(
            EventType.PARTNERSHIP,
            "Oracle ended its exclusive partnership with Cohere and signed an amended agreement.");
    assertThat(amended.ended()).isFalse();
    DetectedEvent terminated =
        only(EventType.PARTNERSHIP, "Samsung is terminating its partnership with Baidu.");
    assertThat(terminated.ended()).isTrue();
    DetectedEvent cut = only(EventType.PARTNERSHIP, "Apple plans to cut ties with Baidu.");
    assertThat(cut.ended()).isTrue();
    assertThat(cut.status()).isEqualTo(EventStatus.REPORTED);
  }

  // Rule 10: labels follow each text's own wording.
  @Test
  void rule10_labelsFollowTheWording() {
    assertThat(only(EventType.FUNDING, "Groq raised $750 million on Tuesday.").status())
        .isEqualTo(EventStatus.ANNOUNCED);
    assertThat(only(EventType.FUNDING, "Groq is in talks to raise $750 million.").status())
        .isEqualTo(EventStatus.REPORTED);
  }

  // Money: non-USD amounts keep their currency, never converted; no amount_usd then.
  @Test
  void keepsANonUsdAmountInItsOwnCurrency() {
    DetectedEvent e =
        only(EventType.FUNDING, "Mistral AI raised €1.7 billion at a valuation of €11.7 billion.");
    assertThat(e.facts())
        .containsEntry("currency", "EUR")
        .containsEntry("amount", "1700000000")
        .containsEntry("valuation", "11700000000")
        .doesNotContainKeys("amount_usd", "valuation_usd");
  }

  @Test
  void keepsTheDollarFigureTheTextGivesBesideAForeignAmount() {
    DetectedEvent e =
        only(EventType.FUNDING, "Aleph Alpha raised €460 million ($500 million) in new funding.");
    assertThat(e.facts())
        .containsEntry("currency", "EUR")
        .containsEntry("amount", "460000000")
        .containsEntry("amount_usd", "500000000");
    DetectedEvent yen =
        only(
            EventType.FUNDING,
            "Sakana AI raised ¥20 billion and plans to hire $5 million of staff.");
    assertThat(yen.facts())
        .containsEntry("currency", "JPY")
        .containsEntry("amount", "20000000000")
        .doesNotContainKey("amount_usd");
  }

  @Test
  void givesNoAmountForARange() {
    DetectedEvent e = only(EventType.FUNDING, "Groq is raising $8–10 billion from new backers.");
    assertThat(e.facts()).doesNotContainKeys("amount_usd", "amount");
    DetectedEvent over =
        only(EventType.FUNDING, "Groq is raising over $10 billion from new backers.");
    assertThat(over.facts()).containsEntry("amount_usd", "10000000000");
  }

  @Test
  void namesTheControlledItems() {
    DetectedEvent e =
        only(
            EventType.EXPORT_CONTROL,
            "The Commerce Department barred Nvidia from shipping its H20 and B30A chips to China.");
    assertThat(e.facts().get("items")).contains("H20").contains("B30A");
    DetectedEvent gear =
        only(
            EventType.EXPORT_CONTROL,
            "The Netherlands imposed export controls on ASML chipmaking equipment bound for"
                + " China.");
    assertThat(gear.facts().get("items")).contains("chipmaking equipment");
    DetectedEvent weights =
        only(
            EventType.EXPORT_CONTROL,
            "The US imposed export controls on AI model weights and advanced chips sold to"
                + " China, hitting Nvidia.");
    assertThat(weights.facts().get("items")).contains("model weights").contains("advanced chips");
  }
}
