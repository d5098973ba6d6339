package dev.bellwether.core.story;

import dev.bellwether.core.tagging.EventType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether two reports tell the same event, and so which open stories a report joins.
 *
 * <p>Two reports are <em>linked</em> when nothing rules it out and enough of what they say agrees:
 *
 * <ul>
 *   <li>ruled out: published further apart than {@link #window()}; event types of different
 *       families (funding goes with an acquisition, read as a stake, and with an IPO, whose filing
 *       says what it raises; nothing else mixes); a partnership and its end, an export control and
 *       its relaxation; amounts further apart than {@link #amountTolerance()}, different round
 *       names, different acquirers, authorities of different nations; reports about other
 *       organizations altogether ({@link #strangers});
 *   <li>agreement, weighted ({@link #evidence}): the same type, the same lead company, other
 *       organizations both name, the same amount, and the salient terms of title and lead that both
 *       share ({@link Terms}); or near-duplicate text (MinHash similarity at least {@link
 *       #nearDuplicate()}), which links on its own.
 * </ul>
 *
 * A report joins every open story one of whose reports it is linked with; when that is more than
 * one story, they become one. The stories are therefore the connected groups of linked reports,
 * which are the same whatever order the reports arrive in.
 */
public final class StoryClusterer {
  /** The default time window: 72 hours between two linked reports. */
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(72);

  /** The default fingerprint similarity from which two texts are near-duplicates. */
  public static final double DEFAULT_NEAR_DUPLICATE = 0.5;

  /** The default relative difference up to which two amounts agree: 10 %. */
  public static final double DEFAULT_AMOUNT_TOLERANCE = 0.10;

  /** Evidence (log-odds) from which two reports are linked. */
  static final double LINK = 0;

  /** Weights of the {@link #features}, fitted by logistic regression (docs/architecture.md). */
  static final double[] WEIGHTS = {1, 1.5, 1, 1, -1.5, -1.5, -1.5, 3, 0};

  /** The log-odds with no feature. */
  static final double BIAS = -2.5;

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
   * The open stories among the candidates that the report joins: one that holds it already, and
   * those one of whose reports it is linked with. Earliest first.
   */
  public List<Story> joined(Report report, Collection<Story> candidates) {
    return candidates.stream()
        .filter(s -> joins(s, report))
        .sorted(Comparator.comparing(Story::firstSeen).thenComparing(Story::id))
        .toList();
  }

  /** Whether the story holds the report already, or one of its reports is linked with it. */
  public boolean joins(Story story, Report report) {
    if (story.holds(report)) {
      return true;
    }
    if (story.strangerTo(report)) {
      return false;
    }
    for (Report m : story.members()) {
      if (linked(m, report)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether two reports tell the same event (see the type's description). Two reports whose amounts
   * conflict (each gives one, and neither is among the other's figures) never are: a second round
   * or a template filled in twice. Two reports of one article never are: its events that could be
   * one were made one report ({@link StoryBook#onePerEvent}).
   */
  public boolean linked(Report a, Report b) {
    if (a.url().equals(b.url()) || ruledOut(a, b) || strangers(a, b)) {
      return false;
    }
    double money = money(a, b);
    if (money < 0) {
      return false;
    }
    double similarity = a.fingerprint().similarity(b.fingerprint());
    return similarity >= nearDuplicate || evidence(features(a, b, money, similarity)) >= LINK;
  }

  /**
   * Whether the two reports are about different organizations altogether: each names some, they
   * share none. Template-like texts ("X snaps up Y in a $1 billion deal") are near-duplicates of
   * each other whoever X and Y are; so are two outlets' items about different companies' rounds.
   * Export controls are the exception: one action lists many entities, and outlets name different
   * ones.
   */
  static boolean strangers(Report a, Report b) {
    if (a.organizations().isEmpty()
        || b.organizations().isEmpty()
        || a.event().type() == EventType.EXPORT_CONTROL
        || b.event().type() == EventType.EXPORT_CONTROL) {
      return false;
    }
    for (String o : a.organizations()) {
      if (b.organizations().contains(o)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether what the two reports say rules out their being one event: their times, their types, a
   * partnership and its end, an export control and its relaxation, authorities of two nations.
   */
  boolean ruledOut(Report a, Report b) {
    StoryEvent x = a.event();
    StoryEvent y = b.event();
    return Duration.between(a.published(), b.published()).abs().compareTo(window) > 0
        || !sameFamily(x.type(), y.type())
        || x.type() == y.type() && (x.ended() != y.ended() || x.relaxed() != y.relaxed())
        || !authoritiesAgree(x.fact("authority"), y.fact("authority"));
  }

  /**
   * What two reports have in common, as numbers, in the order of {@link #WEIGHTS}: the same event
   * type; the same lead company, or the same two principal companies in either order; how many
   * other organizations both name (0, 0.5, 1 for two or more); the same amount ({@link #money});
   * round names, acquirers or partner sets that differ (neither set holding the other); the
   * weighted share of salient terms ({@link Terms#overlap}); MinHash text similarity.
   */
  double[] features(Report a, Report b) {
    return features(a, b, money(a, b), a.fingerprint().similarity(b.fingerprint()));
  }

  private double[] features(Report a, Report b, double money, double similarity) {
    StoryEvent x = a.event();
    StoryEvent y = b.event();
    Set<String> principals = a.principals();
    boolean samePrincipals = !principals.isEmpty() && principals.equals(b.principals());
    // one's lead is the other's lead or one of its two principal companies ("ICONIQ leads
    // Anthropic's round" and "Anthropic raises"): symmetric, as every feature must be
    boolean sameLead = leads(a, b) || leads(b, a);
    int shared = 0;
    for (String o : a.organizations()) {
      boolean counted =
          sameLead
              ? o.equals(a.lead()) || o.equals(b.lead())
              : samePrincipals && principals.contains(o);
      if (b.organizations().contains(o) && !counted) {
        shared++;
      }
    }
    boolean partners = x.type() == EventType.PARTNERSHIP && y.type() == EventType.PARTNERSHIP;
    boolean otherPartners = false;
    if (partners) {
      Set<String> p = parties(x);
      Set<String> q = parties(y);
      otherPartners = p.size() >= 2 && q.size() >= 2 && !p.containsAll(q) && !q.containsAll(p);
    }
    return new double[] {
      x.type() == y.type() ? 1 : 0,
      sameLead || samePrincipals ? 1 : 0,
      Math.min(1, 0.5 * shared),
      money > 0 ? 1 : 0,
      differ(x.fact("round"), y.fact("round")) ? 1 : 0,
      differ(x.fact("acquirer"), y.fact("acquirer")) ? 1 : 0,
      otherPartners ? 1 : 0,
      Terms.overlap(a, b),
      similarity
    };
  }

  /** Whether a's lead is b's lead or one of b's two principal companies. */
  private static boolean leads(Report a, Report b) {
    return a.lead() != null && (a.lead().equals(b.lead()) || b.principals().contains(a.lead()));
  }

  /**
   * How strongly two reports agree: the log-odds that they tell one event, a weighted sum of their
   * {@link #features} ({@link #WEIGHTS}, {@link #BIAS}); they are linked from 0 up.
   */
  double evidence(Report a, Report b) {
    return evidence(features(a, b));
  }

  private static double evidence(double[] f) {
    double z = BIAS;
    for (int i = 0; i < f.length; i++) {
      z += WEIGHTS[i] * f[i];
    }
    return z;
  }

  /**
   * What the two reports' money says: 1 when one's amount is among the other's figures (or they
   * share a figure of their leads), -2 when both give an amount and neither is among the other's
   * figures, else 0.
   */
  double money(Report a, Report b) {
    Long x = a.amountUsd();
    Long y = b.amountUsd();
    if (x != null && among(x, b) || y != null && among(y, a)) {
      return 1;
    }
    if (x != null && y != null) {
      return -2;
    }
    for (long m : a.amountValues()) {
      if (among(m, b)) {
        return 1;
      }
    }
    return 0;
  }

  private boolean among(long amount, Report r) {
    if (r.amountUsd() != null && close(amount, r.amountUsd())) {
      return true;
    }
    // the figures are ascending: look only where one within the tolerance could be
    long[] figures = r.amountValues();
    long from = (long) Math.floor(amount * (1 - amountTolerance));
    int i = java.util.Arrays.binarySearch(figures, from);
    for (int k = i >= 0 ? i : -i - 1; k < figures.length; k++) {
      if (close(amount, figures[k])) {
        return true;
      }
      if (figures[k] > amount) {
        return false;
      }
    }
    return false;
  }

  private boolean close(long x, long y) {
    long larger = Math.max(x, y);
    return larger > 0 && Math.abs(x - y) / (double) larger <= amountTolerance;
  }

  /** A partnership's parties (its companies when the fact is missing), lower-cased. */
  private static Set<String> parties(StoryEvent e) {
    List<String> named = e.listFact("parties");
    Set<String> out = new TreeSet<>();
    (named.isEmpty() ? e.companies() : named).forEach(c -> out.add(c.toLowerCase(Locale.ROOT)));
    return out;
  }

  /** Whether two event types can be one event told two ways. */
  static boolean sameFamily(EventType a, EventType b) {
    return a == b
        || a == EventType.FUNDING && (b == EventType.ACQUISITION || b == EventType.IPO)
        || b == EventType.FUNDING && (a == EventType.ACQUISITION || a == EventType.IPO);
  }

  /**
   * Whether the story can take no more reports once stream time has reached {@code now}, allowing
   * reports to arrive up to {@code lateness} after later ones: a processor may then drop it.
   */
  public boolean isClosed(Story story, java.time.Instant now, Duration lateness) {
    return Duration.between(story.lastUpdated(), now).compareTo(window.plus(lateness)) > 0;
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

  private static boolean same(Optional<String> a, Optional<String> b) {
    return a.isPresent()
        && b.isPresent()
        && a.get().toLowerCase(Locale.ROOT).equals(b.get().toLowerCase(Locale.ROOT));
  }

  private static boolean differ(Optional<String> a, Optional<String> b) {
    return a.isPresent() && b.isPresent() && !same(a, b);
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
}
