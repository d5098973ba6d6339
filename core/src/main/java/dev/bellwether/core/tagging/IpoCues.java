package dev.bellwether.core.tagging;

import dev.bellwether.core.text.Regex;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/** Initial public offerings: filing (also confidentially), pricing, listing, listing hearings. */
final class IpoCues implements EventCues {
  private final Regex cue;
  private final Map<String, Regex> exchanges;

  IpoCues(CueBook book) {
    cue = book.pattern("ipo", "cue");
    exchanges = book.table("exchanges");
  }

  @Override
  public EventType type() {
    return EventType.IPO;
  }

  @Override
  public List<DetectedEvent> detect(SentenceContext s) {
    if (!s.hasAnchor()) {
      return List.of();
    }
    Optional<Matcher> cue = s.find(this.cue);
    if (cue.isEmpty() || s.isNegated() || s.isHypothetical(cue.get().start())) {
      return List.of();
    }
    Optional<CompanyMention> company = s.subjectBefore(Integer.MAX_VALUE);
    if (company.isEmpty()) {
      return List.of();
    }
    EventBuilder event = new EventBuilder(EventType.IPO, s).cues(2).because(cue.get().group());
    event.company(company.get().company()).fact("company", company.get().company());
    exchange(exchanges, s).ifPresent(x -> event.fact("exchange", x));
    return List.of(event.build());
  }

  /** The first exchange of the cue book's table, in its order, named in the sentence. */
  static Optional<String> exchange(Map<String, Regex> exchanges, SentenceContext s) {
    return exchanges.entrySet().stream()
        .filter(e -> e.getValue().in(s.lower()))
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
