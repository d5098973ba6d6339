package dev.bellwether.slackbot;

import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertKind;
import dev.bellwether.schemas.avro.AlertSource;
import dev.bellwether.schemas.avro.EventStatus;
import dev.bellwether.schemas.avro.EventType;
import dev.bellwether.schemas.avro.Evidence;
import dev.bellwether.schemas.avro.Severity;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Alerts written for these tests, shaped like the processors' output. */
public final class SampleAlerts {
  public static final Instant T0 = Instant.parse("2026-03-02T14:05:00Z");

  static {
    BellwetherSerdes.alert(); // registers the trusted Avro package, for Alert.newBuilder(alert)
  }

  private SampleAlerts() {}

  /** Anthropic raises $30B at a $380B valuation: the story's first alert. */
  public static Alert funding(String storyId, String ruleId) {
    return Alert.newBuilder()
        .setId(storyId + "-1")
        .setStoryId(storyId)
        .setKind(AlertKind.NEW)
        .setEventType(EventType.FUNDING)
        .setStatus(EventStatus.ANNOUNCED)
        .setCompanies(List.of("Anthropic"))
        .setHeadline("Anthropic raises $30 billion at a $380 billion valuation")
        .setSummary("The round was led by GIC & Coatue <per the company>.")
        .setFacts(
            Map.of(
                "amount_usd", "30000000000",
                "valuation_usd", "380000000000",
                "round", "Series G",
                "investors", "GIC; Coatue"))
        .setEvidence(new Evidence("Anthropic raised $30 billion", 0, 28))
        .setSources(
            List.of(new AlertSource("Reuters", "https://www.reuters.com/tech/anthropic-30b", T0)))
        .setFirstSeen(T0)
        .setSeverity(Severity.HIGH)
        .setRuleId(ruleId)
        .setReason("first report")
        .setRuleVersion(1)
        .build();
  }

  /** The n-th alert of a story: a new source confirms it (n ≥ 2 is an UPDATE). */
  public static Alert update(String storyId, String ruleId, int n) {
    Alert first = funding(storyId, ruleId);
    List<AlertSource> sources = new java.util.ArrayList<>(first.getSources());
    for (int i = 2; i <= n; i++) {
      sources.add(
          new AlertSource(
              "Outlet " + i, "https://news.example/" + storyId + "/" + i, T0.plusSeconds(60L * i)));
    }
    return Alert.newBuilder(first)
        .setId(storyId + "-" + n)
        .setKind(AlertKind.UPDATE)
        .setSources(sources)
        .setReason("confirmed by " + sources.size() + " sources")
        .build();
  }

  /** The same alert with a different amount: a changed fact. */
  public static Alert withAmount(Alert alert, String amountUsd) {
    Map<String, String> facts = new java.util.TreeMap<>(alert.getFacts());
    facts.put("amount_usd", amountUsd);
    return Alert.newBuilder(alert).setFacts(facts).build();
  }
}
