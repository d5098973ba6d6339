package dev.bellwether.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardTest {
  private static LabeledItem item(String id, List<String> companies, LabeledEvent... events) {
    return new LabeledItem(id, "text of " + id, companies, List.of(events));
  }

  private static LabeledEvent funding(String status, Double amount) {
    return new LabeledEvent("FUNDING", status, false, false, List.of(), null, null, amount, null);
  }

  private static LabeledEvent partnership(String... parties) {
    return new LabeledEvent(
        "PARTNERSHIP", "announced", false, false, List.of(parties), null, null, null, null);
  }

  @Test
  void countsTypesOncePerItemWhateverTheNumberOfEvents() {
    Scorecard s =
        Scorecard.score(
            List.of(item("a", List.of(), funding("announced", null), funding("reported", null))),
            List.of(item("a", List.of(), funding("announced", null))));

    assertThat(s.type("FUNDING")).isEqualTo(new Scorecard.Counts(1, 0, 0));
    assertThat(s.checks().get("status")).isEqualTo(new Scorecard.Check(1, 1));
  }

  @Test
  void countsAMissingPredictionAsNothingPredicted() {
    Scorecard s =
        Scorecard.score(
            List.of(item("a", List.of("OpenAI"), LabeledEvent.of("IPO", "reported"))), List.of());

    assertThat(s.type("IPO")).isEqualTo(new Scorecard.Counts(0, 0, 1));
    assertThat(s.companies()).isEqualTo(new Scorecard.Counts(0, 0, 1));
    assertThat(s.predictedItems()).isZero();
    assertThat(s.misses()).containsExactly(new Scorecard.Miss("a", "missed IPO", "text of a"));
  }

  @Test
  void reportsExtraTypesAndCoreAndMicroF1() {
    Scorecard s =
        Scorecard.score(
            List.of(
                item("a", List.of(), funding("announced", null)),
                item("b", List.of(), LabeledEvent.of("IPO", "announced"))),
            List.of(
                item("a", List.of(), funding("announced", null), partnership()),
                item("b", List.of(), LabeledEvent.of("IPO", "announced"))));

    assertThat(s.core()).isEqualTo(new Scorecard.Counts(1, 1, 0));
    assertThat(s.micro()).isEqualTo(new Scorecard.Counts(2, 1, 0));
    assertThat(s.core().f1()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(s.misses()).extracting(Scorecard.Miss::what).containsExactly("extra PARTNERSHIP");
  }

  @Test
  void acceptsAmountsWithinOnePercent() {
    Scorecard s =
        Scorecard.score(
            List.of(
                item("a", List.of(), funding("announced", 100.0)),
                item("b", List.of(), funding("announced", 100.0))),
            List.of(
                item("a", List.of(), funding("announced", 100.9)),
                item("b", List.of(), funding("announced", 102.0))));

    assertThat(s.checks().get("amount_usd")).isEqualTo(new Scorecard.Check(1, 2));
    assertThat(s.fieldAccuracy()).isEqualTo(0.5);
  }

  @Test
  void needsAllGoldPartiesInOnePredictedEvent() {
    Scorecard s =
        Scorecard.score(
            List.of(item("a", List.of(), partnership("OpenAI", "Oracle"))),
            List.of(item("a", List.of(), partnership(" openai", "Oracle", "SoftBank"))));

    assertThat(s.checks().get("parties")).isEqualTo(new Scorecard.Check(1, 1));
  }

  @Test
  void comparesCompanyNamesIgnoringCaseAndSpaces() {
    Scorecard s =
        Scorecard.score(
            List.of(item("a", List.of("Nvidia", "TSMC"))),
            List.of(item("a", List.of("NVIDIA ", "Intel"))));

    assertThat(s.companies()).isEqualTo(new Scorecard.Counts(1, 1, 1));
    assertThat(s.companyMisses())
        .extracting(Scorecard.Miss::what)
        .containsExactly("missed company TSMC", "extra company Intel");
  }

  @Test
  void skipsFieldChecksForTypesOnlyOneSideFound() {
    Scorecard s =
        Scorecard.score(
            List.of(item("a", List.of(), funding("announced", 5.0))),
            List.of(item("a", List.of())));

    assertThat(s.checks()).isEmpty();
    assertThat(s.fieldAccuracy()).isZero();
  }
}
