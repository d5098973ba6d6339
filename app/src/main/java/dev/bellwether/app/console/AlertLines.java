package dev.bellwether.app.console;

import dev.bellwether.schemas.FactValues;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertKind;
import dev.bellwether.schemas.avro.AlertSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Formats an alert as two readable lines: what happened, then the facts and where from. */
public final class AlertLines {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final List<String> FACT_ORDER =
      List.of(
          "amount_usd",
          "valuation_usd",
          "round",
          "investors",
          "authority",
          "target",
          "parties",
          "acquirer",
          "exchange");

  private AlertLines() {}

  public static String format(Alert alert) {
    String status = alert.getStatus().name().toLowerCase(Locale.ROOT);
    String flags = alert.getEnded() ? ",ended" : alert.getRelaxed() ? ",relaxed" : "";
    String first =
        String.format(
            Locale.ROOT,
            "%s  %-6s %-14s %-9s %s — %s",
            TIME.format(when(alert)),
            alert.getKind(),
            alert.getEventType(),
            status + flags,
            String.join(", ", alert.getCompanies()),
            alert.getHeadline());
    return first + "\n    " + details(alert);
  }

  /**
   * When the alert's news broke: the story's first source for a {@code NEW}, its latest source for
   * an {@code UPDATE}.
   */
  private static java.time.Instant when(Alert alert) {
    return alert.getSources().stream()
        .map(AlertSource::getTime)
        .reduce((a, b) -> alert.getKind() == AlertKind.UPDATE ? (b.isAfter(a) ? b : a) : a)
        .orElse(alert.getFirstSeen());
  }

  private static String details(Alert alert) {
    List<String> parts = new ArrayList<>();
    for (String key : FACT_ORDER) {
      String value = alert.getFacts().get(key);
      if (value != null && !value.isBlank()) {
        parts.add(
            key.replace("_usd", "") + " " + (key.endsWith("_usd") ? FactValues.usd(value) : value));
      }
    }
    for (AlertSource source : alert.getSources()) {
      parts.add(source.getOutlet() + " " + source.getUrl());
    }
    alert.getConflicts().forEach((fact, others) -> parts.add(fact + " also given: " + others));
    parts.add("rule " + alert.getRuleId() + ", " + alert.getSeverity());
    if (!alert.getReason().isBlank()) {
      parts.add("why: " + alert.getReason());
    }
    return String.join("  ·  ", parts);
  }
}
