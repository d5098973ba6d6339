package dev.bellwether.core.tagging;

import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.learn.EventModel;
import dev.bellwether.core.learn.SentenceEncoder;
import dev.bellwether.core.org.OrgMention;
import dev.bellwether.core.org.OrganizationFinder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tags news text: the known companies it names and the events it reports. Works sentence by
 * sentence with general lexical cues per event type; an event needs a known company in its
 * sentence, or in the previous sentence when this one continues it ("It", "The company"). An export
 * control may instead be anchored by the government that imposes it.
 */
public final class Tagger {
  /** The version of the tagging rules, recorded with every tagged article. */
  public static final String VERSION = "v1";

  /** The knowledge-base group whose members are typical targets of export controls. */
  public static final String CONTROL_TARGETS_GROUP = "chinese-ai";

  private final CompanyKnowledgeBase kb;
  private final CueBook book;
  private final StatusCues status;
  private final SentenceSplitter splitter;
  private final List<EventCues> cues;
  private final @Nullable LearnedCues learned;
  private final dev.bellwether.core.text.Regex roundPhrase;
  private final dev.bellwether.core.text.Regex namedPartnership;

  /** A tagger over a company knowledge base with the built-in cues. */
  public Tagger(CompanyKnowledgeBase kb) {
    this(kb, CueBook.builtIn());
  }

  public Tagger(CompanyKnowledgeBase kb, CueBook book) {
    this(kb, book, null);
  }

  private Tagger(CompanyKnowledgeBase kb, CueBook book, @Nullable LearnedCues learned) {
    this.kb = kb;
    this.learned = learned;
    this.book = book;
    this.status = new StatusCues(book);
    this.splitter = new SentenceSplitter(book.words("abbreviations"));
    this.roundPhrase = book.pattern("funding", "round-phrase");
    this.namedPartnership = book.pattern("partnership", "named");
    this.cues =
        List.of(
            new FundingCues(book),
            new ExportControlCues(book, kb.group(CONTROL_TARGETS_GROUP)),
            new PartnershipCues(book),
            new AcquisitionCues(book),
            new IpoCues(book));
  }

  /**
   * This tagger with a learned event model beside its rules: the model reads the sentences that
   * name a company and have an event-like word, and adds the events of the types the rules missed
   * where it is sure enough (docs/tagging.md).
   *
   * @throws IllegalArgumentException when the model was trained on another encoder's vectors
   */
  public Tagger withModel(SentenceEncoder encoder, EventModel model) {
    return new Tagger(
        kb, book, new LearnedCues(encoder, model, book, kb.group(CONTROL_TARGETS_GROUP)));
  }

  /**
   * The text as the learned model reads it: every organization named (in the knowledge base or not,
   * public bodies aside) replaced by one neutral name. Training uses this too.
   */
  public String maskOrganizations(String text) {
    List<CompanyMention> known = kb.findMentions(text);
    List<CompanyMention> all = merged(known, OrganizationFinder.builtIn().find(text, known), false);
    return LearnedCues.masked(new Sentence(text, 0, text.length()), all);
  }

  /** Whether a learned model reads beside the rules. */
  public boolean hasModel() {
    return learned != null;
  }

  /** A tagger over the built-in company knowledge base and cues. */
  public static Tagger builtIn() {
    return new Tagger(CompanyKnowledgeBase.builtIn());
  }

  public Tagging tag(String text) {
    return tag(text, true);
  }

  /**
   * Tags a text reading every sentence for every event type, whatever its trigger words: slower,
   * and for checking a cue file. Where this finds more than {@link #tag} does, a trigger list in
   * the cues lacks a word some pattern needs.
   */
  public Tagging tagReadingEverySentence(String text) {
    return tag(text, false);
  }

  /**
   * Tags a text; with {@code gated} false every sentence is read for every event type, trigger
   * words or not (to check that the triggers in the cue book miss nothing).
   */
  Tagging tag(String text, boolean gated) {
    List<CompanyMention> known = kb.findMentions(text);
    // organizations beyond the knowledge base: technology firms are companies of the text; every
    // organization (funds, governments, other firms too) may anchor an event or be a party to it
    List<CompanyMention> companies = known;
    List<CompanyMention> mentions = known;
    List<OrgMention> found = OrganizationFinder.builtIn().find(text, known);
    if (!found.isEmpty()) {
      companies = merged(known, found, true);
      mentions = merged(known, found, false);
    }
    List<DetectedEvent> events = new ArrayList<>();
    List<LearnedCues.Candidate> candidates = new ArrayList<>();
    List<CompanyMention> previous = List.of();
    int next = 0; // the first mention not before the current sentence
    Sentences sentences = splitter.split(text);
    long[] flags = gated ? book.triggerFlags(text, sentences) : null;
    for (int k = 0; k < sentences.count(); k++) {
      int start = sentences.start(k);
      int end = sentences.end(k);
      while (next < mentions.size() && mentions.get(next).start() < start) {
        next++;
      }
      int last = next;
      while (last < mentions.size() && mentions.get(last).end() <= end) {
        last++;
      }
      List<CompanyMention> own = mentions.subList(next, last);
      if (learned != null && k < LearnedCues.LEAD_SENTENCES) {
        candidate(text, sentences.get(k), own, previous).ifPresent(candidates::add);
      }
      long triggers = gated ? flags[k] : -1L;
      int types = gated ? book.typesToRead(triggers) : -1;
      if (types != 0) {
        // a sentence that begins "It", "The company"... continues the previous one's companies:
        // its first is the subject here too ("The company bought X")
        List<CompanyMention> carried =
            !previous.isEmpty() && status.continuation.startsIn(text, start, end)
                ? previous
                : List.of();
        if (!own.isEmpty() || !carried.isEmpty() || CueBook.mayNeedNoCompany(types, triggers)) {
          read(sentences.get(k), types, triggers, own, carried, events);
        }
      }
      previous = own.isEmpty() ? previous : own;
    }
    if (learned != null) {
      if (sentences.count() > 1
          && text.length() <= LearnedCues.WHOLE_TEXT
          && !mentions.isEmpty()
          && learned.passesGate(text)) {
        // a short text is also read whole, as the model was trained on such texts
        candidates.add(
            new LearnedCues.Candidate(new Sentence(text, 0, text.length()), mentions, List.of()));
      }
      learned.complete(candidates, status, events);
    }
    return new Tagging(companies, events);
  }

  /**
   * The knowledge base's mentions and the other organizations found, in text order, as mentions
   * named by their canonical names: only the technology organizations when {@code techOnly}.
   */
  private static List<CompanyMention> merged(
      List<CompanyMention> known, List<OrgMention> found, boolean techOnly) {
    List<CompanyMention> all = new ArrayList<>(known);
    for (OrgMention o : found) {
      if (techOnly
          ? o.kind() == OrgMention.Kind.TECH
          : !OrganizationFinder.isNewsOutlet(o.name())) {
        all.add(new CompanyMention(o.name(), o.surface(), o.start(), o.end()));
      }
    }
    all.sort(java.util.Comparator.comparingInt(CompanyMention::start));
    return all;
  }

  /**
   * A sentence for the learned model: one that names a company, or continues the previous one, and
   * has an event-like word.
   */
  private Optional<LearnedCues.Candidate> candidate(
      String text, Sentence s, List<CompanyMention> own, List<CompanyMention> previous) {
    List<CompanyMention> carried =
        own.isEmpty()
                && !previous.isEmpty()
                && status.continuation.startsIn(text, s.start(), s.end())
            ? previous
            : List.of();
    if (own.isEmpty() && carried.isEmpty() || !learned.passesGate(s.text())) {
      return Optional.empty();
    }
    return Optional.of(new LearnedCues.Candidate(s, List.copyOf(own), carried));
  }

  /**
   * Reads a sentence for the event types its words trigger, adding what it reports to {@code
   * events}; a sentence that names no company of its own and does not continue the previous one is
   * read only for an authority's export control.
   */
  private void read(
      Sentence sentence,
      int types,
      long triggers,
      List<CompanyMention> own,
      List<CompanyMention> carried,
      List<DetectedEvent> events) {
    String lower = sentence.text().toLowerCase(Locale.ROOT);
    SentenceContext context =
        SentenceContext.of(status, types, triggers, sentence, lower, own, carried);
    List<DetectedEvent> found = new ArrayList<>(2);
    for (EventCues c : cues) {
      if (context.triggers(c.type())) {
        found.addAll(c.detect(context));
      }
    }
    for (DetectedEvent e : found) {
      if (!overshadowed(e, found, context)) {
        addUnlessRepeated(events, e);
      }
    }
  }

  /**
   * Whether an event is only another reading of a deal of another type in the same sentence: the
   * price of a purchase read as funding ("paid $6.9 billion for Mellanox"), the agreement of a
   * purchase or the banks of a listing read as a partnership ("signed an agreement to merge with",
   * "working with Goldman Sachs on its IPO"). A funding round or a partnership the sentence names
   * in so many words stands.
   */
  private boolean overshadowed(DetectedEvent e, List<DetectedEvent> found, SentenceContext s) {
    boolean bought = found.stream().anyMatch(f -> f.type() == EventType.ACQUISITION);
    boolean listed = found.stream().anyMatch(f -> f.type() == EventType.IPO);
    return switch (e.type()) {
      case FUNDING -> bought && !s.has(roundPhrase);
      case PARTNERSHIP -> (bought || listed) && !s.has(namedPartnership);
      default -> false;
    };
  }

  /**
   * Keeps the first of several events of one type about the same lead company (for partnerships,
   * the same parties in any order), filling in the facts and companies it lacks from the later
   * ones: a headline and the sentence that follows it usually report one event. A later event of a
   * type already found that names no company at all is a comment on that event, not another one.
   */
  private static void addUnlessRepeated(List<DetectedEvent> events, DetectedEvent event) {
    for (int i = 0; i < events.size(); i++) {
      DetectedEvent e = events.get(i);
      if (e.type() == event.type() && !e.companies().isEmpty() && event.companies().isEmpty()) {
        return;
      }
      if (sameEvent(e, event)) {
        events.set(i, completed(e, event));
        return;
      }
    }
    events.add(event);
  }

  private static boolean sameEvent(DetectedEvent a, DetectedEvent b) {
    if (a.type() != b.type() || a.ended() != b.ended() || a.relaxed() != b.relaxed()) {
      return false;
    }
    if (a.type() == EventType.PARTNERSHIP) {
      return Set.copyOf(a.companies()).equals(Set.copyOf(b.companies()));
    }
    if (a.type() == EventType.ACQUISITION
        && a.facts().containsKey("target")
        && b.facts().containsKey("target")
        && !a.facts().get("target").equals(b.facts().get("target"))) {
      return false; // one buyer's two purchases
    }
    return a.companies().isEmpty()
        ? b.companies().isEmpty()
        : !b.companies().isEmpty() && a.companies().get(0).equals(b.companies().get(0));
  }

  /** The first event with the companies and facts it lacks taken from the second. */
  private static DetectedEvent completed(DetectedEvent first, DetectedEvent second) {
    List<String> companies = new ArrayList<>(first.companies());
    second.companies().stream().filter(c -> !companies.contains(c)).forEach(companies::add);
    Map<String, String> facts = new LinkedHashMap<>(first.facts());
    second.facts().forEach(facts::putIfAbsent);
    if (first.type() == EventType.FUNDING) {
      mergeList(facts, "investors", first.facts(), second.facts());
    }
    if (first.type() == EventType.EXPORT_CONTROL) {
      mergeList(facts, "items", first.facts(), second.facts());
    }
    return new DetectedEvent(
        first.type(),
        first.status(),
        companies,
        facts,
        first.ended(),
        first.relaxed(),
        first.confidence(),
        first.evidence(),
        first.why());
  }

  private static void mergeList(
      Map<String, String> facts, String key, Map<String, String> a, Map<String, String> b) {
    List<String> values = new ArrayList<>();
    for (Map<String, String> f : List.of(a, b)) {
      if (f.containsKey(key)) {
        for (String v : f.get(key).split("; ")) {
          if (!values.contains(v)) {
            values.add(v);
          }
        }
      }
    }
    if (!values.isEmpty()) {
      facts.put(key, String.join("; ", values));
    }
  }
}
