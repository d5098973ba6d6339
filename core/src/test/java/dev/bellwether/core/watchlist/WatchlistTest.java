package dev.bellwether.core.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bellwether.core.ConfigException;
import dev.bellwether.core.company.Company;
import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.tagging.DetectedEvent;
import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import dev.bellwether.core.tagging.Evidence;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WatchlistTest {
  private static final CompanyKnowledgeBase KB = CompanyKnowledgeBase.builtIn();
  private static final Watchlist BUILT_IN = Watchlist.builtIn(KB);

  private static DetectedEvent event(EventType type, EventStatus status, String... companies) {
    return new DetectedEvent(
        type,
        status,
        List.of(companies),
        Map.of(),
        false,
        false,
        0.8,
        new Evidence("x", 0, 1),
        "rule: test");
  }

  @Test
  void matchesFrontierLabFundingToTheHighRule() {
    assertThat(BUILT_IN.version()).isEqualTo(2);
    assertThat(BUILT_IN.firstMatch(event(EventType.FUNDING, EventStatus.ANNOUNCED, "Anthropic")))
        .get()
        .satisfies(r -> assertThat(r.id()).isEqualTo("frontier-labs-all"))
        .satisfies(r -> assertThat(r.severity()).isEqualTo(Severity.HIGH));
  }

  @Test
  void matchesWhenAnyCompanyOfTheEventIsWatched() {
    assertThat(
            BUILT_IN.firstMatch(
                event(EventType.PARTNERSHIP, EventStatus.ANNOUNCED, "Acme", "Nvidia")))
        .get()
        .extracting(WatchRule::id)
        .isEqualTo("big-tech-deals");
  }

  @Test
  void alertsOnMaterialEventsOfUnlistedAiCompaniesOnly() {
    Map<String, String> bigRound = Map.of("amount_usd", "100000000", "investors", "Sequoia");
    assertThat(
            BUILT_IN.firstMatch(
                EventType.FUNDING, EventStatus.ANNOUNCED, List.of("Decart"), bigRound, true))
        .get()
        .extracting(WatchRule::id)
        .isEqualTo("ai-long-tail-deals");
    // not material, not told as AI, or only the investor unlisted: no long-tail alert
    assertThat(
            BUILT_IN.firstMatch(
                EventType.FUNDING,
                EventStatus.ANNOUNCED,
                List.of("Decart"),
                Map.of("amount_usd", "20000000"),
                true))
        .isEmpty();
    assertThat(
            BUILT_IN.firstMatch(
                EventType.FUNDING, EventStatus.ANNOUNCED, List.of("Decart"), bigRound, false))
        .isEmpty();
    assertThat(
            BUILT_IN.firstMatch(
                EventType.IPO, EventStatus.REPORTED, List.of("Zhipu Nebula"), Map.of(), true))
        .get()
        .extracting(WatchRule::id)
        .isEqualTo("ai-long-tail-listings-and-controls");
    assertThat(
            BUILT_IN.firstMatch(
                EventType.PARTNERSHIP, EventStatus.ANNOUNCED, List.of("Decart"), Map.of(), true))
        .isEmpty();
    // a country an export control targets is no unlisted company
    assertThat(
            BUILT_IN.firstMatch(
                EventType.EXPORT_CONTROL,
                EventStatus.REPORTED,
                List.of(),
                Map.of("target", "China", "authority", "US Congress", "items", "AI chips"),
                true))
        .isEmpty();
  }

  @Test
  void matchesAWatchedCompanyTakingPartAsInvestorOrAcquirer() {
    assertThat(
            BUILT_IN.firstMatch(
                EventType.FUNDING,
                EventStatus.ANNOUNCED,
                List.of("Decart"),
                Map.of("investors", "Sequoia; Nvidia"),
                false))
        .get()
        .extracting(WatchRule::id)
        .isEqualTo("big-tech-deals");
    assertThat(
            BUILT_IN.firstMatch(
                EventType.ACQUISITION,
                EventStatus.ANNOUNCED,
                List.of("Fluxo"),
                Map.of("acquirer", "Siemens", "target", "Fluxo", "amount_usd", "250000000"),
                true))
        .get()
        .extracting(WatchRule::id)
        .as("a listed acquirer's own rule comes first")
        .isEqualTo("technology-at-large");
    assertThat(
            BUILT_IN.firstMatch(
                EventType.ACQUISITION,
                EventStatus.ANNOUNCED,
                List.of("Fluxo"),
                Map.of("acquirer", "Kessler Works", "target", "Fluxo", "amount_usd", "250000000"),
                true))
        .get()
        .extracting(WatchRule::id)
        .isEqualTo("ai-long-tail-deals");
  }

  @Test
  void refusesARuleThatNamesCompaniesAndAsksForUnlistedOnes() {
    String yaml =
        """
        version: 1
        rules:
          - id: both
            companies: [Nvidia]
            unlisted-ai: true
            severity: low
            route: x
          - id: odd
            unlisted-ai: maybe
            severity: low
            route: x
        """;
    assertThatThrownBy(() -> Watchlist.parse(yaml, "w.yaml", KB))
        .isInstanceOf(dev.bellwether.core.ConfigException.class)
        .hasMessageContaining("w.yaml:3")
        .hasMessageContaining("cannot also name companies")
        .hasMessageContaining("unlisted-ai must be true or false, not 'maybe'");
  }

  @Test
  void coversEveryKnownCompany() {
    Set<String> covered = new HashSet<>();
    BUILT_IN.rules().forEach(r -> covered.addAll(BUILT_IN.companiesOf(r)));
    assertThat(covered).containsAll(KB.companies().stream().map(Company::name).toList());
  }

  @Test
  void honoursTypesAndStatuses() {
    String yaml =
        """
        version: 3
        rules:
          - id: only-reported-ipos
            companies: [Nvidia]
            events: [IPO]
            statuses: [REPORTED]
            severity: low
            route: ipos
        """;
    Watchlist w = Watchlist.parse(yaml, "w.yaml", KB);
    assertThat(w.version()).isEqualTo(3);
    assertThat(w.firstMatch(event(EventType.IPO, EventStatus.REPORTED, "Nvidia"))).isPresent();
    assertThat(w.firstMatch(event(EventType.IPO, EventStatus.ANNOUNCED, "Nvidia"))).isEmpty();
    assertThat(w.firstMatch(event(EventType.FUNDING, EventStatus.REPORTED, "Nvidia"))).isEmpty();
    assertThat(w.firstMatch(event(EventType.IPO, EventStatus.REPORTED, "AMD"))).isEmpty();
  }

  @Test
  void aMinimumAmountNeedsADollarAmountAtLeastThatLarge() {
    String yaml =
        """
        version: 2
        rules:
          - id: big-rounds
            events: [FUNDING]
            min-amount-usd: 100M
            severity: HIGH
            route: deals
        """;
    Watchlist w = Watchlist.parse(yaml, "w.yaml", KB);
    assertThat(w.rules().get(0).minAmountUsd()).contains(new java.math.BigDecimal("100000000"));
    var funding = EventType.FUNDING;
    var announced = EventStatus.ANNOUNCED;
    assertThat(
            w.firstMatch(funding, announced, List.of("OpenAI"), Map.of("amount_usd", "6600000000")))
        .isPresent();
    assertThat(
            w.firstMatch(funding, announced, List.of("OpenAI"), Map.of("amount_usd", "100000000")))
        .isPresent();
    assertThat(
            w.firstMatch(funding, announced, List.of("OpenAI"), Map.of("amount_usd", "99999999")))
        .isEmpty();
    assertThat(w.firstMatch(funding, announced, List.of("OpenAI"), Map.of())).isEmpty();
  }

  @Test
  void refusesAMinimumThatIsNoAmount() {
    String yaml =
        "version: 1\nrules:\n  - {id: a, min-amount-usd: lots, severity: LOW, route: x}\n";
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> Watchlist.parse(yaml, "w.yaml", KB));
    assertThat(e.problems()).singleElement().asString().startsWith("w.yaml:3:").contains("lots");
  }

  @Test
  void treatsAnEmptyCompanyListAsAnyCompany() {
    String yaml = "version: 1\nrules:\n  - {id: all, severity: LOW, route: firehose}\n";
    assertThat(
            Watchlist.parse(yaml, "w.yaml", KB)
                .firstMatch(event(EventType.IPO, EventStatus.REPORTED, "Acme")))
        .isPresent();
  }

  @Test
  void refusesWatchlistWithUnknownCompanyListingEveryProblem() {
    String yaml =
        """
        version: one
        rules:
          - id: a
            companies: [OpenAI, Nvidiaa, frontier-labz]
            events: [FUNDING, MERGER]
            severity: HIGH
            route: deals
          - companies: [Google]
            severity: HIGH
            route: deals
          - id: a
            severity: EXTREME
            route: deals
        """;
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> Watchlist.parse(yaml, "w.yaml", KB));
    assertThat(e.problems())
        .hasSize(6)
        .anySatisfy(p -> assertThat(p).startsWith("w.yaml:1:").contains("'version'"))
        .anySatisfy(p -> assertThat(p).startsWith("w.yaml:4:").contains("'Nvidiaa'"))
        .anySatisfy(p -> assertThat(p).startsWith("w.yaml:4:").contains("'frontier-labz'"))
        .anySatisfy(p -> assertThat(p).startsWith("w.yaml:5:").contains("'MERGER'"))
        .anySatisfy(p -> assertThat(p).startsWith("w.yaml:8:").contains("no 'id'"))
        .anySatisfy(p -> assertThat(p).contains("EXTREME"));
  }

  @Test
  void refusesDuplicateRuleIds() {
    String yaml =
        "version: 1\nrules:\n  - {id: a, severity: LOW, route: r}\n  - {id: a, severity: LOW, route: r}\n";
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> Watchlist.parse(yaml, "w.yaml", KB));
    assertThat(e.problems())
        .singleElement()
        .asString()
        .startsWith("w.yaml:4:")
        .contains("used twice");
  }
}
