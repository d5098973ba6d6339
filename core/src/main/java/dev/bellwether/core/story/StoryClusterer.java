package dev.bellwether.core.story;

import dev.bellwether.core.tagging.EventType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Decides which open story a report joins, or that it starts a new one.
 *
 * <p>A report joins a story when all of these hold:
 *
 * <ul>
 *   <li>the time window: the story, with this report, spans at most {@link #window()} from its
 *       earliest to its latest source (so a story cannot creep on for ever);
 *   <li>the same event type, and the same {@code ended} (partnerships) and {@code relaxed} (export
 *       controls) flags: a partnership and its end are two stories;
 *   <li>no conflicting fact: amounts ({@code amount_usd}) further apart than {@link
 *       #amountTolerance()} of the larger one, different round names, different acquirers,
 *       different authorities of an export control (a national government's name is taken as
 *       compatible with its own agencies: "US government" with "US Commerce/BIS");
 *   <li>and either near-duplicate text (fingerprint similarity at least {@link #nearDuplicate()})
 *       or the same event signature: the same lead company (for an acquisition the same target, for
 *       a partnership the same set of parties, for an export control the same lead company, or the
 *       same authority and no other lead company).
 * </ul>
 *
 * Of several stories a report could join, it joins the one with the same signature and the most
 * similar text; then the earliest; then the smallest id, so the choice is deterministic.
 *
 * <p>A processor finds the candidate stories without reading them all: it keeps an index from each
 * of {@link #indexKeys(Story)} to story ids and looks up {@link #indexKeys(Report)}.
 */
public final class StoryClusterer {
  /** The default time window: 72 hours. */
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(72);

  /** The default fingerprint similarity from which two texts are near-duplicates. */
  public static final double DEFAULT_NEAR_DUPLICATE = 0.5;

  /** The default relative difference up to which two amounts agree: 10 %. */
  public static final double DEFAULT_AMOUNT_TOLERANCE = 0.10;

  private static final String US = "US ";

  private final Duration window;
  private final double nearDuplicate;
  private final double amountTolerance;

  /**
   * @throws IllegalArgumentException when the window is not positive or a ratio is not in [0, 1]
   */
  public StoryClusterer(Duration window, double nearDuplicate, double amountTolerance) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the story window must be positive, not " + window);
    }
    checkRatio("near-duplicate similarity", nearDuplicate);
    checkRatio("amount tolerance", amountTolerance);
    this.window = window;
    this.nearDuplicate = nearDuplicate;
    this.amountTolerance = amountTolerance;
  }

  /** A clusterer with the default window, near-duplicate similarity and amount tolerance. */
  public static StoryClusterer withDefaults() {
    return new StoryClusterer(DEFAULT_WINDOW, DEFAULT_NEAR_DUPLICATE, DEFAULT_AMOUNT_TOLERANCE);
  }

  private static void checkRatio(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("the " + name + " must be in [0, 1], not " + value);
    }
  }

  public Duration window() {
    return window;
  }

  public double nearDuplicate() {
    return nearDuplicate;
  }

  public double amountTolerance() {
    return amountTolerance;
  }

  /**
   * Adds a report to the story it belongs to among the candidates, or starts a story, and says
   * which alert that warrants.
   */
  public Assignment assign(Report report, Collection<Story> candidates) {
    Optional<Story> match = bestMatch(report, candidates);
    Story after = match.map(s -> s.with(report)).orElseGet(() -> Story.start(report));
    @Nullable Story before = match.orElse(null);
    return new Assignment(before, after, AlertDecision.of(before, after));
  }

  /**
   * The story among the candidates that the report joins, if any: the one that already cites its
   * article for this event, else the best of those it matches.
   */
  public Optional<Story> bestMatch(Report report, Collection<Story> candidates) {
    Optional<Story> citing =
        candidates.stream()
            .filter(s -> s.cites(report.url()) && s.type() == report.event().type())
            .filter(s -> sameSignature(s, report.event()))
            .min(Comparator.comparing(Story::id));
    if (citing.isPresent()) {
      return citing;
    }
    Comparator<Story> best =
        Comparator.comparing((Story s) -> sameSignature(s, report.event()))
            .thenComparingDouble(s -> similarity(s, report.fingerprint()))
            .reversed()
            .thenComparing(Story::firstSeen)
            .thenComparing(Story::id);
    return candidates.stream().filter(s -> matches(s, report)).min(best);
  }

  /** Whether the report may join the story (see the type's description). */
  public boolean matches(Story story, Report report) {
    StoryEvent e = report.event();
    return story.type() == e.type()
        && story.ended() == e.ended()
        && story.relaxed() == e.relaxed()
        && withinWindow(story, report.published())
        && !conflicts(story, e)
        && (sameSignature(story, e) || similarity(story, report.fingerprint()) >= nearDuplicate);
  }

  /** Whether the story, grown by a source published then, would still span at most the window. */
  public boolean withinWindow(Story story, Instant published) {
    Instant first = published.isBefore(story.firstSeen()) ? published : story.firstSeen();
    Instant last = published.isAfter(story.lastUpdated()) ? published : story.lastUpdated();
    return Duration.between(first, last).compareTo(window) <= 0;
  }

  /**
   * Whether the story can take no more sources once stream time has reached {@code now}: a
   * processor may then drop it and its index entries.
   */
  public boolean isClosed(Story story, Instant now) {
    return Duration.between(story.firstSeen(), now).compareTo(window) > 0;
  }

  /** The highest similarity of the text to one the story keeps. */
  static double similarity(Story story, Fingerprint fingerprint) {
    return story.fingerprints().stream().mapToDouble(fingerprint::similarity).max().orElse(0);
  }

  static boolean sameSignature(Story story, StoryEvent e) {
    return switch (e.type()) {
      case PARTNERSHIP -> !parties(e).isEmpty() && parties(e).equals(parties(story));
      case ACQUISITION -> sameValue(target(story), target(e));
      case EXPORT_CONTROL ->
          sameValue(story.lead(), e.lead())
              || sameValue(story.fact("authority"), e.fact("authority"))
                  && !differ(story.lead(), e.lead());
      default -> sameValue(story.lead(), e.lead());
    };
  }

  private boolean conflicts(Story story, StoryEvent e) {
    return amountsConflict(story.fact("amount_usd"), e.fact("amount_usd"))
        || differ(story.fact("round"), e.fact("round"))
        || differ(story.fact("acquirer"), e.fact("acquirer"))
        || e.type() == EventType.EXPORT_CONTROL
            && !authoritiesAgree(story.fact("authority"), e.fact("authority"));
  }

  /** Whether two amounts (plain decimal strings) are further apart than the tolerance. */
  boolean amountsConflict(Optional<String> a, Optional<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    try {
      BigDecimal x = new BigDecimal(a.get());
      BigDecimal y = new BigDecimal(b.get());
      BigDecimal larger = x.max(y);
      if (larger.signum() <= 0) {
        return false;
      }
      double gap = x.subtract(y).abs().doubleValue() / larger.doubleValue();
      return gap > amountTolerance;
    } catch (NumberFormatException notANumber) {
      return !a.get().equals(b.get());
    }
  }

  private static boolean differ(Optional<String> a, Optional<String> b) {
    return a.isPresent()
        && b.isPresent()
        && !a.get().toLowerCase(Locale.ROOT).equals(b.get().toLowerCase(Locale.ROOT));
  }

  static boolean authoritiesAgree(Optional<String> a, Optional<String> b) {
    if (a.isEmpty() || b.isEmpty() || a.get().equals(b.get())) {
      return true;
    }
    return nation(a.get()).equals(nation(b.get()))
        && (isNationalGovernment(a.get()) || isNationalGovernment(b.get()));
  }

  /** "US Commerce/BIS" → "US"; authorities without a nation prefix are their own nation. */
  private static String nation(String authority) {
    return authority.startsWith(US) ? "US" : authority;
  }

  private static boolean isNationalGovernment(String authority) {
    return authority.equals("US government");
  }

  private static boolean sameValue(Optional<String> a, Optional<String> b) {
    return a.isPresent() && a.equals(b);
  }

  private static Optional<String> target(Story s) {
    return s.fact("target").or(s::lead);
  }

  private static Optional<String> target(StoryEvent e) {
    return e.fact("target").or(e::lead);
  }

  private static Set<String> parties(StoryEvent e) {
    List<String> named = e.listFact("parties");
    return new TreeSet<>(named.isEmpty() ? e.companies() : named);
  }

  private static Set<String> parties(Story s) {
    List<String> named = s.lists().getOrDefault("parties", List.of());
    return new TreeSet<>(named.isEmpty() ? s.companies() : named);
  }

  /**
   * The index keys under which a story can be found: its signature keys and the band keys of the
   * fingerprints it keeps.
   */
  public List<String> indexKeys(Story story) {
    Set<String> keys = new LinkedHashSet<>();
    String type = story.type().name();
    switch (story.type()) {
      case PARTNERSHIP -> keys.add(type + "|parties:" + String.join("+", parties(story)));
      case ACQUISITION -> target(story).ifPresent(t -> keys.add(type + "|target:" + t));
      default -> story.lead().ifPresent(l -> keys.add(type + "|lead:" + l));
    }
    if (story.type() == EventType.EXPORT_CONTROL) {
      story.fact("authority").ifPresent(a -> keys.add(type + "|authority:" + a));
    }
    story.fingerprints().forEach(f -> f.bandKeys().forEach(b -> keys.add(type + "|" + b)));
    return new ArrayList<>(keys);
  }

  /** The index keys to look up for a report: every story it could join is under one of them. */
  public List<String> indexKeys(Report report) {
    return indexKeys(Story.start(report));
  }
}
