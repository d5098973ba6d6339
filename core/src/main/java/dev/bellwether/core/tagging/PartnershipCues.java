package dev.bellwether.core.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Partnerships, collaborations, supply, cloud, compute and licensing deals, product integrations,
 * and their end ({@code ended}). A partner at a fund or law firm, and a relationship that merely
 * continues, are not partnerships.
 */
final class PartnershipCues implements EventCues {
  private final Pattern personPartner;
  private final Pattern cue;
  private final Pattern continues;
  private final Pattern ended;
  private final Pattern amended;

  /** "with an unnamed bank": a counterparty the text does not name (not an undisclosed sum). */
  private final Pattern unnamed;

  private final Pattern with;

  /** "X lands in Y's product": the guest comes first in the sentence, the host Y is the lead. */
  private final Pattern arrives;

  /** "X taps / picks / selects / chooses / adopts Y's model for ...": X is a customer of Y. */
  private final Pattern selects;

  /** What the selected company must be picked for: a use, not a job ("taps X's exec as CEO"). */
  private final Pattern selectedFor;

  private final Pattern personAfter;

  /** What may stand between a party named as subject and the partnership verb. */
  private final Pattern subjectGap;

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
            ? personPartner.matcher(s.lower()).replaceAll(m -> " ".repeat(m.group().length()))
            : s.lower();
    Matcher cue = this.cue.matcher(text);
    int cueStart = cue.find() ? cue.start() : selection(s).orElse(-1);
    if (cueStart < 0
        || s.isNegated()
        || s.isHypothetical(cueStart)
        || continues.matcher(text).find()
        || unnamed.matcher(text).find()) {
      return List.of();
    }
    List<String> parties = parties(s, text, cueStart);
    if (parties.size() < 2) {
      return List.of();
    }
    boolean ended = this.ended.matcher(text).find() && !amended.matcher(text).find();
    EventBuilder event =
        new EventBuilder(EventType.PARTNERSHIP, s).ended(ended).list("parties", parties);
    parties.forEach(event::company);
    return List.of(event.cues(cue.find() ? 2 : 1).build());
  }

  /**
   * Where "X taps / picks Y's model for ..." starts, when a known company is what is selected right
   * after the verb and it is selected for a use, not hired as a person.
   */
  private java.util.Optional<Integer> selection(SentenceContext s) {
    for (CompanyMention m : s.mentions()) {
      int at = s.offset(m);
      Matcher verb =
          selects.matcher(s.lower()).region(Math.max(0, at - SentenceContext.BEFORE_REACH), at);
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
    Matcher arrives = this.arrives.matcher(text);
    if (arrives.find()) {
      s.firstAfter(arrives.end())
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
      Matcher with = this.with.matcher(text);
      if (with.find()) {
        ProperNames.after(s.text(), with.end(), 40)
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
      if (subjectGap.matcher(gap).find() || coordinatedWithKnown(s, name, gap)) {
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
                subjectGap
                    .matcher(
                        s.lower()
                            .substring(m.end() - s.sentence().start(), name.end() + gap.length()))
                    .find());
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
