package dev.bellwether.core.tagging;

import dev.bellwether.core.text.Regex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Government limits on the cross-border sale or use of AI technology: export controls, curbs,
 * entity-list additions, licence requirements, a government's ban on a foreign AI product, bills on
 * chips sold abroad; and their lifting ({@code relaxed}), including licences or approval granted to
 * sell to a foreign destination. Calls for a ban, domestic and private bans, and exporting one's
 * data are not export controls.
 */
final class ExportControlCues implements EventCues {
  private final Regex strong;

  /**
   * A government letting a sale abroad go ahead: licences or approval granted, won or received, or
   * a company cleared or allowed to sell, ship or export to a foreign destination.
   */
  private final Regex granted;

  /** A bill or legislation about exports or chips sold abroad. */
  private final Regex bill;

  private final Regex hurts;
  private final Regex calls;
  private final Regex relaxed;
  private final Regex listing;

  /** "adds X to the Entity List", "puts X on the Entity List": X is listed though named first. */
  private final Regex listed;

  /** The name of a list of barred parties: "Entity List", "blacklist", "unverified list". */
  private final Regex blacklist;

  private final Map<String, Regex> targets;
  private final Authorities authorities;

  /** Named kinds of controlled technology, longest first ("chipmaking equipment", "AI chips"). */
  private final Regex item;

  /** Accelerator model names: a letter or two and digits ("H20", "A100", "B30A", "MI308X"). */
  private final Regex model;

  /** Bare kinds, read only when nothing more specific is named. */
  private final Regex bareItem;

  private final Regex abbreviation;

  private final Set<String> foreignCompanies;

  /**
   * @param foreignCompanies companies that are typical targets of controls (Chinese AI firms)
   */
  ExportControlCues(CueBook book, Set<String> foreignCompanies) {
    this.foreignCompanies = Set.copyOf(foreignCompanies);
    targets = book.table("targets");
    authorities = new Authorities(book.table("authorities"));
    strong = book.pattern("export-control", "strong");
    granted = book.pattern("export-control", "granted");
    bill = book.pattern("export-control", "bill");
    hurts = book.pattern("export-control", "hurts");
    relaxed = book.pattern("export-control", "relaxed");
    listed = book.pattern("export-control", "listed");
    blacklist = book.pattern("export-control", "blacklist");
    item = book.pattern("export-control", "item");
    model = book.pattern("export-control", "model");
    bareItem = book.pattern("export-control", "bare-item");
    abbreviation = book.pattern("export-control", "abbreviation");
    calls = book.pattern("export-control", "calls");
    listing = book.pattern("export-control", "listing");
  }

  @Override
  public EventType type() {
    return EventType.EXPORT_CONTROL;
  }

  @Override
  public List<DetectedEvent> detect(SentenceContext s) {
    boolean granted = has(s, this.granted);
    boolean stated = has(s, this.strong) || granted || has(s, this.bill);
    boolean hurts = s.hasAnchor() && has(s, this.hurts);
    if (!stated && !hurts) {
      return List.of();
    }
    // the authority is looked for only in a sentence that states a control: it is the costliest
    Optional<String> authority = authorities.of(s.text());
    boolean strong = stated && (s.hasAnchor() || authority.isPresent());
    if (!strong && !hurts || has(s, calls) && !s.lower().contains("bill")) {
      return List.of();
    }
    EventBuilder event =
        new EventBuilder(EventType.EXPORT_CONTROL, s)
            .relaxed(granted || has(s, relaxed))
            .cues(strong ? 2 : 1);
    authority.ifPresent(a -> event.fact("authority", a));
    event.because(cueWords(s, granted));
    target(s).ifPresent(t -> event.fact("target", t));
    event.list("items", items(s));
    targetCompany(s).ifPresent(event::company);
    // the government imposing a control is its authority, not a company it is about
    s.anchors().stream()
        .filter(m -> !SentenceContext.isPublicBody(m))
        .forEach(m -> event.company(m.company()));
    return List.of(event.build());
  }

  /** The words that state the control, or that it hurts a company, as the sentence has them. */
  private String cueWords(SentenceContext s, boolean granted) {
    for (Regex p :
        granted ? List.of(this.granted, strong, bill, hurts) : List.of(strong, bill, hurts)) {
      Optional<Matcher> m = p.first(s.lower());
      if (m.isPresent()) {
        String w = m.get().group();
        return w.length() > 60 ? w.substring(0, 57) + "..." : w;
      }
    }
    return null;
  }

  /**
   * Whether the pattern is found in the sentence, with the dots of "U.S.", "U.K." and "U.N." read
   * as letters rather than as sentence ends, so that "a curb the U.S. had placed on" holds.
   */
  private boolean has(SentenceContext s, Regex p) {
    return s.has(p, abbreviation);
  }

  /** Whom a control is aimed at: a company put on a list or barred, else the destinations. */
  Optional<String> target(SentenceContext s) {
    Optional<String> company = targetCompany(s);
    if (company.isPresent()) {
      return company;
    }
    List<String> places = new ArrayList<>();
    targets.forEach(
        (place, pattern) -> {
          if (pattern.in(s.lower())) {
            places.add(place);
          }
        });
    if (places.size() > 1 && places.contains("China") && s.lower().contains("re-export")) {
      places.remove("China");
    }
    return places.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", places));
  }

  /** What is controlled: accelerator models (with their maker when named before), then kinds. */
  List<String> items(SentenceContext s) {
    Set<String> items = new LinkedHashSet<>();
    Regex.Scan model = this.model.scan(s.text());
    while (model.next()) {
      items.add(maker(s, model.matcher().start()) + model.matcher().group());
    }
    Regex.Scan kind = item.scan(s.text());
    while (kind.next()) {
      items.add(kind.matcher().group());
    }
    if (items.isEmpty()) {
      Optional<Matcher> bare = bareItem.first(s.text());
      if (bare.isPresent()) {
        String b = bare.get().group();
        items.add(b.endsWith("s") ? b : b + "s");
      }
    }
    return List.copyOf(items);
  }

  /** "Nvidia " when the model name follows "Nvidia", "Nvidia's" or "Nvidia’s". */
  private String maker(SentenceContext s, int at) {
    for (CompanyMention m : s.mentions()) {
      int end = m.end() - s.sentence().start();
      if (s.offset(m) >= 0 && end <= at) {
        String gap = s.text().substring(end, at);
        if (gap.matches("(?:['’]s)?\\s+(?:[A-Za-z]+\\s+)?")) {
          return m.company() + " ";
        }
      }
    }
    return "";
  }

  private Optional<String> targetCompany(SentenceContext s) {
    Set<String> named = new LinkedHashSet<>();
    int from = Math.max(0, listing.firstStart(s.lower()));
    s.mentions().stream()
        .filter(m -> s.offset(m) >= from && foreignCompanies.contains(m.company()))
        .forEach(m -> named.add(m.company()));
    if (named.isEmpty() && has(s, listed)) {
      s.mentions().stream()
          .filter(m -> foreignCompanies.contains(m.company()))
          .forEach(m -> named.add(m.company()));
    }
    if (named.isEmpty() && has(s, blacklist)) {
      // an organization put on a list, whoever it is: after the list's name, else before it
      int at = Math.max(0, blacklist.firstStart(s.lower()));
      listedOrganization(s, at, true)
          .or(() -> listedOrganization(s, at, false))
          .ifPresent(named::add);
    }
    return named.stream().findFirst();
  }

  private static Optional<String> listedOrganization(SentenceContext s, int at, boolean after) {
    return s.mentions().stream()
        .filter(m -> after ? s.offset(m) >= at : s.offset(m) >= 0 && s.offset(m) < at)
        .filter(m -> !SentenceContext.isPublicBody(m) && !s.isEpithet(m))
        .map(CompanyMention::company)
        .findFirst();
  }
}
