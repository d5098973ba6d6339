package dev.bellwether.core.story;

import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds reports for tests: hours after a fixed start, an outlet, an event and some text. */
final class Reports {
  static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

  private Reports() {}

  static Instant at(double hours) {
    return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
  }

  static StoryEvent funding(EventStatus status, String company, Map<String, String> facts) {
    return new StoryEvent(EventType.FUNDING, status, List.of(company), facts, false, false);
  }

  static StoryEvent announcedFunding(String company, String amountUsd) {
    return funding(EventStatus.ANNOUNCED, company, Map.of("amount_usd", amountUsd));
  }

  static StoryEvent partnership(boolean ended, String... parties) {
    return new StoryEvent(
        EventType.PARTNERSHIP,
        EventStatus.ANNOUNCED,
        List.of(parties),
        Map.of("parties", String.join("; ", parties)),
        ended,
        false);
  }

  static StoryEvent exportControl(String company, String authority) {
    return new StoryEvent(
        EventType.EXPORT_CONTROL,
        EventStatus.ANNOUNCED,
        company.isEmpty() ? List.of() : List.of(company),
        Map.of("authority", authority),
        false,
        false);
  }

  static Report report(String id, String outlet, double hours, StoryEvent event, String text) {
    return Report.of(
        id,
        outlet,
        "https://" + outlet.toLowerCase() + ".example/" + id,
        at(hours),
        "title of " + id,
        text,
        event);
  }

  static Report report(String id, String outlet, double hours, StoryEvent event) {
    return report(
        id,
        outlet,
        hours,
        event,
        outlet + ": " + String.join(" and ", event.companies()) + " news");
  }
}
