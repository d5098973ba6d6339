package dev.bellwether.core.tagging;

import dev.bellwether.core.learn.EventModel;
import dev.bellwether.core.learn.SentenceEncoder;
import dev.bellwether.core.org.OrganizationFinder;
import dev.bellwether.core.text.Regex;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The learned event model beside the rules: it reads the sentences that name an organization and
 * have an event-like word (the cue book's {@code model-gate} stems), all of a text's at once, and
 * adds an event of a type the rules did not find where the model is sure enough. The facts of such
 * an event are read by simple positions (the subject raises or buys, the next organization is
 * bought, every organization is a party); the rules' events keep theirs.
 */
final class LearnedCues {
  /** At most this many sentences of one text are read by the model (the first ones). */
  static final int MAX_SENTENCES = 48;

  /** The least probability of an event of a type beside another type the rules found. */
  static final double SECOND_EVENT = 0.8;

  /** In a longer text the model reads the headline and lead: this many sentences. */
  static final int LEAD_SENTENCES = 4;

  /** A text of at most this many characters is also read whole. */
  static final int WHOLE_TEXT = 700;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern BUY_VERB =
      Pattern.compile(
          "\\b(?:acqui\\w*|buy\\w*|bought|purchas\\w*|takeover|take over|took over|snap\\w* up"
              + "|scoop\\w* up|merg\\w*|absorb\\w*|paying|pay|paid)\\b");
  private static final Pattern BOUGHT_BY =
      Pattern.compile("\\b(?:acquired|bought|purchased|snapped up|taken over) by\\b");
  private final SentenceEncoder encoder;
  private final EventModel model;
  private final Set<String> gate;
  private final Authorities authorities;
  private final Regex calls;
  private final Map<String, Regex> exchanges;
  private final Set<String> controlTargets;
  private final ExportControlCues controls;
  private final Regex notFunding;
  private final Regex roundPhrase;

  LearnedCues(SentenceEncoder encoder, EventModel model, CueBook book, Set<String> controlTargets) {
    if (!encoder.name().equals(model.encoder()) || encoder.dimension() != model.dimension()) {
      throw new IllegalArgumentException(
          "the event model was trained on "
              + model.encoder()
              + " vectors, not on "
              + encoder.name()
              + "'s");
    }
    this.encoder = encoder;
    this.model = model;
    this.gate = book.words("model-gate");
    this.authorities = new Authorities(book.table("authorities"));
    this.calls = book.pattern("export-control", "calls");
    this.notFunding = book.pattern("funding", "not-funding");
    this.roundPhrase = book.pattern("funding", "round-phrase");
    this.exchanges = book.table("exchanges");
    this.controlTargets = Set.copyOf(controlTargets);
    this.controls = new ExportControlCues(book, controlTargets);
  }

  /** One sentence the model reads, with the companies it names or continues from before. */
  record Candidate(Sentence sentence, List<CompanyMention> own, List<CompanyMention> carried) {}

  /** Whether a sentence has a word that begins with one of the gate's stems. */
  boolean passesGate(String sentence) {
    Matcher m = WORD.matcher(sentence);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      for (int n = Math.min(w.length(), 13); n >= 2; n--) {
        if (gate.contains(w.substring(0, n))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The word that stands for every organization in what the model reads. */
  static final String ORGANIZATION = "Acme";

  /**
   * The sentence with each organization it names replaced by one neutral name, so that the model
   * learns how events are told, not which companies were in its training data; public bodies ("the
   * Commerce Department") stay, as they tell what kind of event it is.
   */
  static String masked(Sentence s, List<CompanyMention> mentions) {
    StringBuilder out = new StringBuilder(s.text().length());
    int at = s.start();
    for (CompanyMention m : mentions) {
      if (m.start() < at || m.end() > s.end() || SentenceContext.isPublicBody(m)) {
        continue;
      }
      out.append(s.text(), at - s.start(), m.start() - s.start()).append(ORGANIZATION);
      at = m.end();
    }
    return out.append(s.text(), at - s.start(), s.text().length()).toString();
  }

  /** The model's probability per type for each candidate, in order. */
  List<Map<EventType, Double>> probabilities(List<Candidate> candidates) {
    List<String> texts = new ArrayList<>(candidates.size());
    candidates.forEach(c -> texts.add(masked(c.sentence(), c.own())));
    float[][] vectors = encoder.encode(texts);
    List<Map<EventType, Double>> out = new ArrayList<>(vectors.length);
    for (int i = 0; i < vectors.length; i++) {
      float[] x = model.features(vectors[i], texts.get(i));
      Map<EventType, Double> p = new EnumMap<>(EventType.class);
      for (EventType t : EventType.values()) {
        p.put(t, model.probability(t, x));
      }
      out.add(p);
    }
    return out;
  }

  /**
   * Adds to {@code events} an event of each type the rules missed and the model finds in a
   * candidate sentence above its threshold (the most probable sentence of that type).
   */
  void complete(List<Candidate> candidates, StatusCues status, List<DetectedEvent> events) {
    if (candidates.isEmpty()) {
      return;
    }
    List<Candidate> read = candidates.subList(0, Math.min(MAX_SENTENCES, candidates.size()));
    List<Map<EventType, Double>> p = probabilities(read);
    boolean rulesFound = !events.isEmpty();
    for (EventType t : EventType.values()) {
      if (events.stream().anyMatch(e -> e.type() == t)) {
        continue;
      }
      // a second kind of event beside one the rules read is rarer: the model must be surer
      double bar = rulesFound ? Math.max(model.threshold(t), SECOND_EVENT) : model.threshold(t);
      int best = -1;
      for (int k = 0; k < read.size(); k++) {
        if (p.get(k).get(t) >= bar && (best < 0 || p.get(k).get(t) > p.get(best).get(t))) {
          best = k;
        }
      }
      if (best >= 0) {
        build(t, read.get(best), p.get(best).get(t), bar, status)
            .filter(e -> !restates(e, events))
            .ifPresent(events::add);
      }
    }
  }

  /**
   * Whether an event the model would add only restates, in other words, one the rules read about
   * the same organizations ("X to acquire Y ... Y's team will join X" is one acquisition).
   */
  private static boolean restates(DetectedEvent added, List<DetectedEvent> found) {
    return found.stream()
        .anyMatch(
            e ->
                e.type() != EventType.EXPORT_CONTROL
                    && added.companies().size() > 1
                    && e.companies().containsAll(added.companies()));
  }

  private Optional<DetectedEvent> build(
      EventType type, Candidate c, double probability, double bar, StatusCues status) {
    Sentence s = c.sentence();
    SentenceContext context =
        SentenceContext.of(
            status, -1, -1L, s, s.text().toLowerCase(Locale.ROOT), c.own(), c.carried());
    // what the rules know never to be an event holds for the model too: denials, questions and
    // speculation, and calls for a control rather than a control
    if (context.isNegated()
        || context.isHypothetical(0)
        || type == EventType.EXPORT_CONTROL
            && context.has(calls)
            && !context.lower().contains("bill")
        || type == EventType.FUNDING && context.has(notFunding) && !context.has(roundPhrase)) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (CompanyMention m : context.anchors()) {
      if (!names.contains(m.company()) && !context.isEpithet(m)) {
        names.add(m.company());
      }
    }
    Map<String, String> facts = new java.util.LinkedHashMap<>();
    List<String> companies = new ArrayList<>(names);
    switch (type) {
      case FUNDING -> funding(context, companies, facts);
      case EXPORT_CONTROL -> exportControl(context, names, companies, facts);
      case PARTNERSHIP -> facts.put("parties", String.join("; ", names));
      case ACQUISITION -> {
        if (!acquisition(context, names, companies, facts)) {
          return Optional.empty();
        }
      }
      case IPO -> {
        // a regulator, an exchange's operator as a public body or a news outlet never lists
        companies.removeIf(OrganizationFinder::isPublicBodyOrMedia);
        IpoCues.exchange(exchanges, context).ifPresent(x -> facts.put("exchange", x));
      }
    }
    if (companies.isEmpty() && type != EventType.EXPORT_CONTROL) {
      return Optional.empty();
    }
    return Optional.of(
        new DetectedEvent(
            type,
            context.status(),
            companies,
            facts,
            false,
            false,
            Math.min(1.0, Math.max(0.0, probability)),
            s.evidence(),
            String.format(
                java.util.Locale.ROOT,
                "model: %s, probability %.2f, threshold %.2f",
                type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                probability,
                bar)));
  }

  private static void funding(
      SentenceContext s, List<String> companies, Map<String, String> facts) {
    List<String> investors = new ArrayList<>();
    String recipient = null;
    for (CompanyMention m : s.anchors()) {
      if (s.isEpithet(m) || s.isInvestor(m)) {
        if (!s.isEpithet(m) && !investors.contains(m.company())) {
          investors.add(m.company());
        }
      } else if (recipient == null && !SentenceContext.isPublicBody(m)) {
        recipient = m.company();
      } else if (!investors.contains(m.company()) && !m.company().equals(recipient)) {
        investors.add(m.company());
      }
    }
    companies.clear();
    if (recipient != null) {
      companies.add(recipient);
    }
    investors.stream().filter(i -> !companies.contains(i)).forEach(companies::add);
    Amounts.of(s).forEach(facts::put);
    if (!investors.isEmpty()) {
      facts.put("investors", String.join("; ", investors));
    }
  }

  private void exportControl(
      SentenceContext s, List<String> names, List<String> companies, Map<String, String> facts) {
    authorities.of(s.text()).ifPresent(a -> facts.put("authority", a));
    // whom it is aimed at as the rules read it (a listed or foreign company, else the
    // destinations); a company merely named, as one the control hurts, is not its target
    String target = controls.target(s).orElse(null);
    if (target == null && names.size() == 1 && controlTargets.contains(names.get(0))) {
      target = names.get(0);
    }
    if (target != null) {
      facts.put("target", target);
      if (companies.remove(target)) {
        companies.add(0, target);
      }
    }
    List<String> items = controls.items(s);
    if (!items.isEmpty()) {
      facts.put("items", String.join("; ", items));
    }
  }

  private static boolean acquisition(
      SentenceContext s, List<String> names, List<String> companies, Map<String, String> facts) {
    if (names.size() < 2) {
      // one organization named: the one bought ("X was snapped up"), the buyer unnamed here
      facts.put("target", names.get(0));
      Amounts.of(s).forEach(facts::putIfAbsent);
      facts.remove("valuation_usd");
      facts.remove("valuation");
      return true;
    }
    String lower = s.lower();
    boolean passive = BOUGHT_BY.matcher(lower).find();
    String acquirer = passive ? names.get(1) : names.get(0);
    String target = passive ? names.get(0) : names.get(1);
    Matcher verb = BUY_VERB.matcher(lower);
    if (!passive && verb.find()) {
      // the acquirer is the last organization named before the verb, the target the first after
      int at = verb.start();
      String before = null;
      String after = null;
      for (CompanyMention m : s.anchors()) {
        int off = s.offset(m);
        if (off >= 0 && off < at) {
          before = m.company();
        } else if (off >= at && after == null && !m.company().equals(before)) {
          after = m.company();
        }
      }
      if (before != null && after != null) {
        acquirer = before;
        target = after;
      }
    }
    facts.put("acquirer", acquirer);
    facts.put("target", target);
    Amounts.of(s).forEach(facts::putIfAbsent);
    facts.remove("valuation_usd");
    facts.remove("valuation");
    companies.clear();
    companies.add(target);
    companies.add(acquirer);
    names.stream().filter(n -> !companies.contains(n)).forEach(companies::add);
    return true;
  }
}
