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
  void carriesTheCompanyIntoAPronounSentence() {
    DetectedEvent e =
        only(
            EventType.PARTNERSHIP,
            "Nvidia announced new products on Monday. It has teamed up with Cerence on in-car AI.");
    assertThat(e.facts().get("parties")).isEqualTo("Nvidia; Cerence");
  }

  @Test
  void needsAKnownCompany() {
    assertThat(events("Acme Robotics raised $20 million in a Series A.")).isEmpty();
  }
}
