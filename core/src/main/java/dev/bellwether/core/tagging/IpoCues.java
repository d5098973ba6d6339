package dev.bellwether.core.tagging;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Initial public offerings: filing (also confidentially), pricing, listing, listing hearings. */
final class IpoCues implements EventCues {
  private static final Pattern CUE =
      Pattern.compile(
          "\\b(?:initial public offering|ipos?|go(?:es|ing)? public|public listing|planned listing"
              + "|stock market debut|market debut|to list (?:its shares|on)|preparing to list|plans to list"
              + "|listing hearing|fil(?:e|es|ed|ing) (?:confidentially )?(?:for|to list)"
              + "|confidentially filed|pric(?:e|es|ed|ing) (?:its )?(?:ipo|shares|offering))\\b");
  private static final Map<String, Pattern> EXCHANGES =
      Map.of(
          "Nasdaq", Pattern.compile("\\bnasdaq\\b(?!:)"),
          "NYSE", Pattern.compile("\\bnyse\\b(?!:)|new york stock exchange"),
          "Hong Kong", Pattern.compile("\\bhong kong\\b|\\bhkex\\b"),
          "STAR Market", Pattern.compile("\\bstar market\\b"),
          "Shanghai", Pattern.compile("\\bshanghai stock exchange\\b"),
          "Shenzhen", Pattern.compile("\\bshenzhen\\b"));

  @Override
  public EventType type() {
    return EventType.IPO;
  }

  @Override
  public List<DetectedEvent> detect(SentenceContext s) {
    Optional<Matcher> cue = s.find(CUE);
    if (!s.hasAnchor()
        || cue.isEmpty()
        || StatusCues.isNegated(s)
        || StatusCues.isHypothetical(s, cue.get().start())) {
      return List.of();
    }
    Optional<CompanyMention> company = s.subjectBefore(Integer.MAX_VALUE);
    if (company.isEmpty()) {
      return List.of();
    }
    EventBuilder event = new EventBuilder(EventType.IPO, s).cues(2);
    event.company(company.get().company()).fact("company", company.get().company());
    exchange(s).ifPresent(x -> event.fact("exchange", x));
    return List.of(event.build());
  }

  private static Optional<String> exchange(SentenceContext s) {
    return EXCHANGES.entrySet().stream()
        .filter(e -> e.getValue().matcher(s.lower()).find())
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
