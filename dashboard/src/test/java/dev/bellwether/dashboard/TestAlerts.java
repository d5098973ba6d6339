package dev.bellwether.dashboard;

import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertKind;
import dev.bellwether.schemas.avro.AlertSource;
import dev.bellwether.schemas.avro.EventStatus;
import dev.bellwether.schemas.avro.EventType;
import dev.bellwether.schemas.avro.Evidence;
import dev.bellwether.schemas.avro.Severity;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Alerts written for the dashboard's tests, shaped like the processors' output. */
final class TestAlerts {
  static final Instant T0 = Instant.parse("2026-11-20T09:30:00Z");

  static {
    BellwetherSerdes.alert(); // trusts the generated package for Alert.newBuilder(alert)
  }

  private TestAlerts() {}

  /** The n-th alert (1 = NEW) of a story about {@code company}, with n sources. */
  static Alert alert(String storyId, int n, String company, EventType type, String headline) {
    List<AlertSource> sources = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      sources.add(
          new AlertSource(
              "Outlet " + i,
              "https://news.example/" + storyId + "/" + i,
              T0.plusSeconds(3600L * i)));
    }
    return Alert.newBuilder()
        .setId(storyId + "-" + n)
        .setStoryId(storyId)
        .setKind(n == 1 ? AlertKind.NEW : AlertKind.UPDATE)
        .setEventType(type)
        .setStatus(EventStatus.ANNOUNCED)
        .setCompanies(List.of(company))
        .setHeadline(headline)
        .setSummary(company + " did something that analysts care about.")
        .setFacts(Map.of("amount_usd", "6600000000", "round", "Series F"))
        .setEvidence(
            new Evidence(company + " raised $6.6 billion from investors, source " + n, 0, 40))
        .setSources(sources)
        .setFirstSeen(T0.plusSeconds(3600))
        .setSeverity(Severity.HIGH)
        .setRuleId("ai-labs")
        .setReason(n == 1 ? "first report" : "new source: Outlet " + n)
        .setRuleVersion(1)
        .build();
  }

  static Alert funding(String storyId, int n, String company) {
    return alert(storyId, n, company, EventType.FUNDING, company + " raises $6.6 billion");
  }
}
