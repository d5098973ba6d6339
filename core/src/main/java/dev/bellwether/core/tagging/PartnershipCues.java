package dev.bellwether.core.tagging;

import dev.bellwether.core.text.Regex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Partnerships, collaborations, supply, cloud, compute and licensing deals, product integrations,
 * and their end ({@code ended}). A partner at a fund or law firm, and a relationship that merely
 * continues, are not partnerships.
 */
final class PartnershipCues implements EventCues {
  private final Regex personPartner;
  private final Regex cue;
  private final Regex continues;
  private final Regex ended;
  private final Regex amended;

  /** "with an unnamed bank": a counterparty the text does not name (not an undisclosed sum). */
  private final Regex unnamed;

  private final Regex with;

  /** "X lands in Y's product": the guest comes first in the sentence, the host Y is the lead. */
  private final Regex arrives;

  /** "X taps / picks / selects / chooses / adopts Y's model for ...": X is a customer of Y. */
  private final Regex selects;

  /** What the selected company must be picked for: a use, not a job ("taps X's exec as CEO"). */
  private final Regex selectedFor;

  private final Regex personAfter;

  /** What may stand between a party named as subject and the partnership verb. */
  private final Regex subjectGap;

  /** Capitalised pronouns, plain nouns that start sentences, and places: not organizations. */
  private final java.util.Set<String> commonSubjects;

  PartnershipCues(CueBook book) {
    commonSubjects = book.words("not-organizations");
    personPartner = book.pattern("partnership", "person-partner");
    continues = book.pattern("partnership", "continues");
    amended = book.pattern("partnership", "amended");
    unnamed = book.pattern("partnership", "unnamed");
    with = book.pattern("partnership", "with");
    arrives = book.pattern("partnership", "arrives");
    selects = book.pattern("partnership", "selects");
    selectedFor = book.pattern("partnership", "selected-for");
    personAfter = book.pattern("partnership", "person-after");
    subjectGap = book.pattern("partnership", "subject-gap");
    cue = book.pattern("partnership", "cue");
    ended = book.pattern("partnership", "ended");
  }

  @Override
  public EventType type() {
    return EventType.PARTNERSHIP;
  }

  @Override
  public List<DetectedEvent> detect(SentenceContext s) {
    if (!s.hasAnchor()) {
      return List.of(); // no known company: nothing below can make an event, so skip the patterns
    }
    String text =
        s.mayMatch(personPartner)
            ? personPartner.replaceAll(s.lower(), m -> " ".repeat(m.group().length()))
            : s.lower();
    Regex.Scan cues = this.cue.scan(text);
    boolean cued = cues.next();
    int cueStart = cued ? cues.matcher().start() : selection(s).orElse(-1);
    String words = cued ? cues.matcher().group() : "selected";
    if (cueStart < 0
        || s.isNegated()
        || s.isHypothetical(cueStart)
        || continues.in(text)
        || unnamed.in(text)) {
      return List.of();
    }
    List<String> parties = parties(s, text, cueStart);
    if (parties.size() < 2) {
      return List.of();
    }
    boolean ended = this.ended.in(text) && !amended.in(text);
    EventBuilder event =
        new EventBuilder(EventType.PARTNERSHIP, s)
            .ended(ended)
            .list("parties", parties)
            .because(words);
    parties.forEach(event::company);
    return List.of(event.cues(cued && cues.next() ? 2 : 1).build());
  }

  /**
   * Where "X taps / picks Y's model for ..." starts, when a known company is what is selected right
   * after the verb and it is selected for a use, not hired as a person.
   */
  private java.util.Optional<Integer> selection(SentenceContext s) {
    for (CompanyMention m : s.mentions()) {
      int at = s.offset(m);
      int from = Math.max(0, at - SentenceContext.BEFORE_REACH);
      Matcher verb = selects.pattern().matcher(s.lower()).region(from, at);
      if (!verb.find()) {
        continue;
      }
      int after = m.end() - s.sentence().start();
      int end = s.lower().length();
      if (s.findIn(selectedFor, after, end) && !s.findIn(personAfter, after, end)) {
        return java.util.Optional.of(verb.start());
      }
    }
    return java.util.Optional.empty();
  }

  private List<String> parties(SentenceContext s, String text, int cueStart) {
    List<String> parties = new ArrayList<>();
    for (CompanyMention m : s.mentions()) {
      if (!s.isEpithet(m) && !parties.contains(m.company())) {
        parties.add(m.company());
      }
    }
    Optional<Matcher> arrives = this.arrives.first(text);
    if (arrives.isPresent()) {
      s.firstAfter(arrives.get().end())
          .filter(m -> !s.isEpithet(m))
          .map(CompanyMention::company)
          .ifPresent(
              host -> {
                parties.remove(host);
                parties.add(0, host);
              });
    }
    if (parties.size() < 2) {
      s.carried().stream()
          .findFirst()
          .map(CompanyMention::company)
          .filter(c -> !parties.contains(c))
          .ifPresent(c -> parties.add(0, c));
    }
    if (parties.size() < 2) {
      namedSubject(s, cueStart).filter(n -> !parties.contains(n)).ifPresent(parties::add);
    }
    if (parties.size() < 2) {
      Optional<Matcher> with = this.with.first(text);
      if (with.isPresent()) {
        ProperNames.after(s.text(), with.get().end(), 40)
            .filter(n -> !parties.contains(n))
            .ifPresent(parties::add);
      }
    }
    return parties;
  }

  /**
   * An organization outside the knowledge base named as the subject of the partnership verb: right
   * before it ("Nio picks ...", "Nio agreed to build ..."), or coordinated with a known company
   * ("Nio and Alibaba Cloud announced a partnership").
   */
  private java.util.Optional<String> namedSubject(SentenceContext s, int cueStart) {
    String text = s.text();
    for (ProperNames.Name name : ProperNames.all(text, 0, cueStart)) {
      if (overlapsMention(s, name) || commonSubjects.contains(name.text())) {
        continue;
      }
      String gap = text.substring(name.end(), cueStart).toLowerCase(java.util.Locale.ROOT);
      if (subjectGap.in(gap) || coordinatedWithKnown(s, name, gap)) {
        return java.util.Optional.of(name.text());
      }
    }
    return java.util.Optional.empty();
  }

  /** "Name and Known [verb ...] cue": the name shares the subject with a known company. */
  private boolean coordinatedWithKnown(SentenceContext s, ProperNames.Name name, String gap) {
    if (!gap.startsWith(" and ") && !gap.startsWith(" & ")) {
      return false;
    }
    int from = name.end() + gap.indexOf(' ', 1) + 1;
    return s.mentions().stream()
        .filter(m -> s.offset(m) == from)
        .anyMatch(
            m ->
                subjectGap.in(
                    s.lower()
                        .substring(m.end() - s.sentence().start(), name.end() + gap.length())));
  }

  private boolean overlapsMention(SentenceContext s, ProperNames.Name name) {
    return s.mentions().stream()
        .anyMatch(
            m -> {
              int at = s.offset(m);
              int end = m.end() - s.sentence().start();
              return at < name.end() && name.start() < end;
            });
  }
}
