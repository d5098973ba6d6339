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
  private static final Pattern PERSON_PARTNER =
      Pattern.compile(
          "\\b(?:a|the|managing|general|senior|founding|former|venture|equity) partners? "
              + "(?:at|with|of|in)\\b[^,.;]*");
  private static final Pattern CUE =
      Pattern.compile(
          "\\b(?:partner(?:s|ed|ing)? with|partnerships?|team(?:s|ed|ing)? up|collaborat\\w+"
              + "|work(?:s|ing)? (?:together )?with|joint ventures?|alliance|tie-up"
              + "|(?:deal|agreement|pact|contract|arrangement)s?\\b[\\w\\s-]{0,15}\\b(?:with|between)"
              + "|(?:supply|cloud|compute|computing|licensing|chip|commercial|multiyear|multi-year"
              + "|strategic|distribution) (?:deal|pact|agreement|contract|partnership)"
              + "|built into|buil(?:d|ds|ding) [^.;]{0,40}\\binto\\b"
              + "|br(?:ing|ings|inging|ought) [^.;]{0,40}\\binto\\b"
              + "|(?:lands?|landed|landing|arriv(?:es|ed|ing)|debut(?:s|ed|ing)?) (?:in|on|inside)\\b"
              + "|integrat(?:e|es|ed|ing|ion) [^.;]{0,40}\\b(?:into|in|with)\\b"
              + "|switched on in|now (?:available|offered) (?:on|in|through)"
              + "|(?:to|will|would) use\\b|licen[cs](?:e|es|ed|ing) (?:its|their|the"
              + "|[\\w.-]+(?: [\\w.-]+)?['’]s) (?:\\w+ )?(?:technology|models?|intellectual property"
              + "|patents|software)"
              + "|(?:relationship|ties) with|provid\\w+ \\w+ with [\\w\\s-]{0,25}\\b(?:chips|compute|capacity|gpus)"
              + "|licen[cs]ing fee|main partner|primary partner|preferred partner)");
  private static final Pattern CONTINUES =
      Pattern.compile(
          "\\b(?:still|keep(?:s)? (?:working|using)|continu\\w+ to (?:work|use)|will keep)\\b");
  private static final Pattern ENDED =
      Pattern.compile(
          "\\b(?:end(?:s|ed|ing)? (?:its|their|the|a)\\b|terminat\\w+|cut(?:s|ting)? ties|sever\\w*"
              + "|rupture|split(?:s|ting)? (?:from|with)|ways out of|exit(?:s|ing)? (?:the|its)"
              + "|pull(?:s|ed|ing)? out of|part(?:s|ed|ing)? ways|dissolv\\w+)");
  private static final Pattern AMENDED =
      Pattern.compile("\\b(?:amended|new agreement|renegotiat\\w+|restructur\\w+|revised)\\b");

  /** "with an unnamed bank": a counterparty the text does not name (not an undisclosed sum). */
  private static final Pattern UNNAMED =
      Pattern.compile(
          "\\b(?:unnamed|unidentified|anonymous|unspecified|undisclosed)\\s+(?!(?:sums?|amounts?"
              + "|terms|prices?|fees?|values?|figures?|financial)\\b)");

  private static final Pattern WITH = Pattern.compile("\\b(?:with|between)\\s");

  /** "X lands in Y's product": the guest comes first in the sentence, the host Y is the lead. */
  private static final Pattern ARRIVES =
      Pattern.compile(
          "\\b(?:lands?|landed|landing|arriv(?:es|ed|ing)|debut(?:s|ed|ing)?) (?:in|on|inside)\\b");

  /** "X taps / picks / selects / chooses / adopts Y's model for ...": X is a customer of Y. */
  private static final Pattern SELECTS =
      Pattern.compile(
          "\\b(?:taps?|tapped|tapping|picks?|picked|picking|selects?|selected|selecting|chooses"
              + "|chose|chosen|choosing|adopts?|adopted|adopting)\\s+(?:the\\s+)?$");

  /** What the selected company must be picked for: a use, not a job ("taps X's exec as CEO"). */
  private static final Pattern SELECTED_FOR =
      Pattern.compile(
          "^(?:['’]s)?[^.;]{0,50}?\\b(?:for|to (?:power|run|build|develop|drive|provide|supply))\\b");

  private static final Pattern PERSON_AFTER =
      Pattern.compile(
          "^(?:['’]s)?\\s+(?:former\\s+|top\\s+|senior\\s+)?(?:exec\\w*|veteran|alum\\w*|chief|ceo|cto"
              + "|cfo|president|head|founder|co-founder|researcher|engineer|scientist|director"
              + "|officer|manager|lawyer|banker)");

  /** What may stand between a party named as subject and the partnership verb. */
  private static final Pattern SUBJECT_GAP =
      Pattern.compile(
          "^\\s+(?:(?:has|have|had|will|would|is|are|was|were|also|now|said it|says it|agreed to"
              + "|agrees to|plans to|is to|announced (?:a|an|the|its|their)?|signed (?:a|an|the)?"
              + "|struck (?:a|an|the)?|formed (?:a|an|the)?|unveiled (?:a|an|the)?|new)\\s*)*$");

  /** Capitalised pronouns, plain nouns that start sentences, and places: not organizations. */
  private static final java.util.Set<String> COMMON_SUBJECTS =
      java.util.Set.of(
          "Analysts",
          "Investors",
          "Users",
          "Developers",
          "Customers",
          "Researchers",
          "Officials",
          "Lawmakers",
          "Regulators",
          "Sources",
          "People",
          "Shares",
          "Companies",
          "Startups",
          "Executives",
          "Both",
          "Neither",
          "Many",
          "Some",
          "Others",
          "We",
          "They",
          "I",
          "You",
          "He",
          "She",
          "Our",
          "Their",
          "This",
          "That",
          "These",
          "Those",
          "China",
          "Europe",
          "Asia",
          "Africa",
          "America",
          "India",
          "Japan",
          "Korea",
          "South Korea",
          "Taiwan",
          "Canada",
          "Britain",
          "UK",
          "EU",
          "Germany",
          "France",
          "Middle East",
          "Gulf",
          "Saudi",
          "UAE");

  @Override
  public EventType type() {
    return EventType.PARTNERSHIP;
  }

  @Override
  public List<DetectedEvent> detect(SentenceContext s) {
    if (!s.hasAnchor()) {
      return List.of(); // no known company: nothing below can make an event, so skip the patterns
    }
    String text = PERSON_PARTNER.matcher(s.lower()).replaceAll(m -> " ".repeat(m.group().length()));
    Matcher cue = CUE.matcher(text);
    int cueStart = cue.find() ? cue.start() : selection(s).orElse(-1);
    if (cueStart < 0
        || StatusCues.isNegated(s)
        || StatusCues.isHypothetical(s, cueStart)
        || CONTINUES.matcher(text).find()
        || UNNAMED.matcher(text).find()) {
      return List.of();
    }
    List<String> parties = parties(s, text, cueStart);
    if (parties.size() < 2) {
      return List.of();
    }
    boolean ended = ENDED.matcher(text).find() && !AMENDED.matcher(text).find();
    EventBuilder event =
        new EventBuilder(EventType.PARTNERSHIP, s).ended(ended).list("parties", parties);
    parties.forEach(event::company);
    return List.of(event.cues(cue.find() ? 2 : 1).build());
  }

  /**
   * Where "X taps / picks Y's model for ..." starts, when a known company is what is selected right
   * after the verb and it is selected for a use, not hired as a person.
   */
  private static java.util.Optional<Integer> selection(SentenceContext s) {
    for (CompanyMention m : s.mentions()) {
      int at = s.offset(m);
      Matcher verb = SELECTS.matcher(s.lower().substring(0, at));
      if (!verb.find()) {
        continue;
      }
      String after = s.lower().substring(m.end() - s.sentence().start());
      if (SELECTED_FOR.matcher(after).find() && !PERSON_AFTER.matcher(after).find()) {
        return java.util.Optional.of(verb.start());
      }
    }
    return java.util.Optional.empty();
  }

  private static List<String> parties(SentenceContext s, String text, int cueStart) {
    List<String> parties = new ArrayList<>();
    for (CompanyMention m : s.mentions()) {
      if (!s.isEpithet(m) && !parties.contains(m.company())) {
        parties.add(m.company());
      }
    }
    Matcher arrives = ARRIVES.matcher(text);
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
      Matcher with = WITH.matcher(text);
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
  private static java.util.Optional<String> namedSubject(SentenceContext s, int cueStart) {
    String text = s.text();
    for (ProperNames.Name name : ProperNames.all(text, 0, cueStart)) {
      if (overlapsMention(s, name) || COMMON_SUBJECTS.contains(name.text())) {
        continue;
      }
      String gap = text.substring(name.end(), cueStart).toLowerCase(java.util.Locale.ROOT);
      if (SUBJECT_GAP.matcher(gap).find() || coordinatedWithKnown(s, name, gap)) {
        return java.util.Optional.of(name.text());
      }
    }
    return java.util.Optional.empty();
  }

  /** "Name and Known [verb ...] cue": the name shares the subject with a known company. */
  private static boolean coordinatedWithKnown(
      SentenceContext s, ProperNames.Name name, String gap) {
    if (!gap.startsWith(" and ") && !gap.startsWith(" & ")) {
      return false;
    }
    int from = name.end() + gap.indexOf(' ', 1) + 1;
    return s.mentions().stream()
        .filter(m -> s.offset(m) == from)
        .anyMatch(
            m ->
                SUBJECT_GAP
                    .matcher(
                        s.lower()
                            .substring(m.end() - s.sentence().start(), name.end() + gap.length()))
                    .find());
  }

  private static boolean overlapsMention(SentenceContext s, ProperNames.Name name) {
    return s.mentions().stream()
        .anyMatch(
            m -> {
              int at = s.offset(m);
              int end = m.end() - s.sentence().start();
              return at < name.end() && name.start() < end;
            });
  }
}
