package dev.bellwether.core.tagging;

import java.util.List;

/** What the tagger found in one text: the companies it names and the events it reports. */
public record Tagging(List<CompanyMention> companies, List<DetectedEvent> events) {
  public Tagging {
    companies = List.copyOf(companies);
    events = List.copyOf(events);
  }
}
