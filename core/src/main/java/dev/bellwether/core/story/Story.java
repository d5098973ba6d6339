package dev.bellwether.core.story;

import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One event as many outlets told it: an immutable value made of its reports, from which everything
 * else is read by vote, so that the same reports make the same story whatever order they came in.
 *
 * <ul>
 *   <li>the type most reports give (ties: IPO, funding, acquisition, export control, partnership:
 *       an IPO filing that mentions the money raised stays an IPO, an investment one outlet calls a
 *       stake purchase stays funding);
 *   <li>the companies, the one most reports lead with first;
 *   <li>{@code ANNOUNCED} once any report says so;
 *   <li>per fact the value most reports give (ties: the earliest published), list facts united;
 *   <li>the headline and summary of the earliest published report.
 * </ul>
 *
 * <p>It keeps the {@value #MEMBERS_KEPT} earliest published reports whole (what a later article is
 * compared with, and where facts come from), of later ones their source only, up to {@value
 * #SOURCES_KEPT} sources in all, and beyond that only how many more there were and when the latest
 * was published; so its size, and the cost of reading, writing and alerting it, are bounded however
 * many outlets tell the story.
 *
 * <p>The id is derived from the report that started it: {@code "st-"} and the first 16 hex digits
 * of SHA-256 over its article id, event type and lead company. Reprocessing the same articles in
 * the same order gives the same ids; another order may give another id to the same story.
 */
public final class Story {
  /** Reports a story keeps whole: enough to recognise any retelling, bounded in size. */
  public static final int MEMBERS_KEPT = 24;

  /** Sources a story lists (its reports kept whole and the sources of later ones). */
  public static final int SOURCES_KEPT = 48;

  private static final List<EventType> TIE_ORDER =
      List.of(
          EventType.IPO,
          EventType.FUNDING,
          EventType.ACQUISITION,
          EventType.EXPORT_CONTROL,
          EventType.PARTNERSHIP);

  private static final Comparator<Report> BY_PUBLISHED =
      Comparator.comparing(Report::published).thenComparing(Report::url);

  private final String id;
  private final List<Report> members;
  private final List<Source> overflow;
  private final long unlisted;
  private final java.util.Set<String> identities = new java.util.HashSet<>();
  private final java.util.Set<String> urls = new java.util.HashSet<>();
  private final java.util.Set<String> overflowUrls = new java.util.HashSet<>();
  private final java.util.Set<String> organizations = new java.util.HashSet<>();
  private boolean everyReportNamed = true;
  private final Instant lastUpdated;
  private final EventType type;
  private final List<String> companies;
  private final Map<String, List<FactReading>> readings;
  private final Map<String, List<String>> lists;

  /**
   * @param members its reports, each URL once; the {@value #MEMBERS_KEPT} earliest published are
   *     kept, the sources of the others go to the overflow
   * @param overflow sources of reports no longer kept whole
   * @throws IllegalArgumentException when there is no report
   */
  public Story(String id, List<Report> members, List<Source> overflow) {
    this(id, members, overflow, 0, null);
  }

  /**
   * @param members its reports, each URL once; the {@value #MEMBERS_KEPT} earliest published are
   *     kept, the sources of the others go to the overflow
   * @param overflow sources of reports no longer kept whole; the earliest published are listed up
   *     to {@value #SOURCES_KEPT} sources in all, the others only counted
   * @param unlisted sources counted before and listed nowhere
   * @param lastUpdated the latest publication time of a source no longer listed; null when none
   * @throws IllegalArgumentException when there is no report or the count is negative
   */
  public Story(
      String id,
      List<Report> members,
      List<Source> overflow,
      long unlisted,
      @Nullable Instant lastUpdated) {
    if (unlisted < 0) {
      throw new IllegalArgumentException("a story cannot have " + unlisted + " unlisted sources");
    }
    this.id = Objects.requireNonNull(id, "id");
    Map<String, Report> byUrl = new LinkedHashMap<>();
    members.stream().sorted(BY_PUBLISHED).forEach(r -> byUrl.putIfAbsent(r.identity(), r));
    if (byUrl.isEmpty()) {
      throw new IllegalArgumentException("a story needs a report");
    }
    List<Report> sorted = new ArrayList<>(byUrl.values());
    List<Source> spilled = new ArrayList<>(overflow);
    while (sorted.size() > MEMBERS_KEPT) {
      spilled.add(sorted.remove(sorted.size() - 1).source());
    }
    this.members = List.copyOf(sorted);
    java.util.Set<String> kept = new java.util.HashSet<>();
    sorted.forEach(m -> kept.add(m.url()));
    List<Source> later =
        spilled.stream()
            .filter(s -> !kept.contains(s.url()))
            .distinct()
            .sorted(Comparator.comparing(Source::published).thenComparing(Source::url))
            .toList();
    int room = Math.max(0, SOURCES_KEPT - this.members.size());
    this.overflow = later.size() <= room ? later : List.copyOf(later.subList(0, room));
    this.unlisted = unlisted + later.size() - this.overflow.size();
    Instant last = sorted.get(sorted.size() - 1).published();
    if (!later.isEmpty() && later.get(later.size() - 1).published().isAfter(last)) {
      last = later.get(later.size() - 1).published();
    }
    this.lastUpdated = lastUpdated != null && lastUpdated.isAfter(last) ? lastUpdated : last;
    for (Report m : this.members) {
      identities.add(m.identity());
      urls.add(m.url());
      organizations.addAll(m.organizations());
      everyReportNamed &=
          !m.organizations().isEmpty() && m.event().type() != EventType.EXPORT_CONTROL;
    }
    this.overflow.forEach(
        s -> {
          overflowUrls.add(s.url());
          urls.add(s.url());
        });
    this.type = votedType(this.members);
    this.companies = votedCompanies(this.members);
    Map<String, List<FactReading>> r = new TreeMap<>();
    Map<String, List<String>> l = new TreeMap<>();
    readFacts(this.members, r, l);
    this.readings = Map.copyOf(r);
    this.lists = Map.copyOf(l);
  }

  /** A new story of one report. */
  public static Story start(Report r) {
    return new Story(idFor(r), List.of(r), List.of());
  }

  /** The id of the story a report starts (see the type's description). */
  public static String idFor(Report r) {
    String seed =
        r.articleId() + "\n" + r.event().type().name() + "\n" + r.event().lead().orElse("");
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      return "st-" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  public String id() {
    return id;
  }

  /** The reports kept whole, earliest published first. */
  public List<Report> members() {
    return members;
  }

  /** Sources of later reports not kept whole. */
  public List<Source> overflow() {
    return overflow;
  }

  public EventType type() {
    return type;
  }

  /** Every company the reports name, the one most of them lead with first. */
  public List<String> companies() {
    return companies;
  }

  /** {@code ANNOUNCED} once any report says the event is announced. */
  public EventStatus status() {
    return members.stream().anyMatch(m -> m.event().status() == EventStatus.ANNOUNCED)
        ? EventStatus.ANNOUNCED
        : EventStatus.REPORTED;
  }

  /** Whether any report tells the event in an AI context ({@link AiContext}). */
  public boolean aiContext() {
    return members.stream().anyMatch(Report::aiContext);
  }

  /** Whether the partnership ended, as the reports of the story's type say. */
  public boolean ended() {
    return ofType().anyMatch(m -> m.event().ended());
  }

  /** Whether the export control was relaxed, as the reports of the story's type say. */
  public boolean relaxed() {
    return ofType().anyMatch(m -> m.event().relaxed());
  }

  private java.util.stream.Stream<Report> ofType() {
    return members.stream().filter(m -> m.event().type() == type);
  }

  /** The earliest publication time of a source. */
  public Instant firstSeen() {
    return members.get(0).published();
  }

  /** The latest publication time of a source, listed or not. */
  public Instant lastUpdated() {
    return lastUpdated;
  }

  /** Sources counted but not listed: beyond the {@value #SOURCES_KEPT} a story lists. */
  public long unlisted() {
    return unlisted;
  }

  /** Every source (each article once), earliest published first. */
  public List<Source> sources() {
    List<Source> all = new ArrayList<>(members.size() + overflow.size());
    members.forEach(m -> all.add(m.source()));
    all.addAll(overflow);
    java.util.Set<String> seen = new java.util.HashSet<>();
    all.removeIf(s -> !seen.add(s.url()));
    all.sort(Comparator.comparing(Source::published).thenComparing(Source::url));
    return all;
  }

  /** The earliest published report's title. */
  public String headline() {
    return members.get(0).title();
  }

  /** The earliest published report's summary. */
  public String summary() {
    return members.get(0).summary();
  }

  /** Per scalar fact every value the reports gave, most confirmed first. */
  public Map<String, List<FactReading>> readings() {
    return readings;
  }

  /** Per list fact ({@code investors}, {@code items}, {@code parties}) the union of values. */
  public Map<String, List<String>> lists() {
    return lists;
  }

  /** Whether the story holds this report already: the same article, event type and lead. */
  public boolean holds(Report r) {
    return identities.contains(r.identity()) || overflowUrls.contains(r.url());
  }

  /**
   * Whether no report of this story can be linked with the report because they are about other
   * organizations altogether ({@link StoryClusterer#strangers}): every report kept names some, none
   * an export control, and none shares one with it. A quick answer for the many candidate stories
   * that share only a salient term with a report.
   */
  boolean strangerTo(Report r) {
    if (!everyReportNamed
        || r.organizations().isEmpty()
        || r.event().type() == EventType.EXPORT_CONTROL) {
      return false;
    }
    for (String o : r.organizations()) {
      if (organizations.contains(o)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a source with this URL is already cited. */
  public boolean cites(String url) {
    return urls.contains(url);
  }

  /** This story with one more report; the same story when it {@link #holds} the report. */
  public Story with(Report r) {
    if (holds(r)) {
      return this;
    }
    List<Report> grown = new ArrayList<>(members);
    grown.add(r);
    return new Story(id, grown, overflow, unlisted, lastUpdated);
  }

  /** This story, under its own id, with the reports and sources of another. */
  public Story mergedWith(Story other) {
    List<Report> all = new ArrayList<>(members);
    other.members.stream().filter(m -> !holds(m)).forEach(all::add);
    List<Source> spilled = new ArrayList<>(overflow);
    other.overflow.stream().filter(s -> !cites(s.url())).forEach(spilled::add);
    Instant last = other.lastUpdated.isAfter(lastUpdated) ? other.lastUpdated : lastUpdated;
    return new Story(id, all, spilled, unlisted + other.unlisted, last);
  }

  /** The most central company, if any source names one. */
  public Optional<String> lead() {
    return companies.isEmpty() ? Optional.empty() : Optional.of(companies.get(0));
  }

  /**
   * The reconciled facts: for each scalar fact the most confirmed value (ties: the earliest
   * published), for each list fact the union joined with {@code "; "}.
   */
  public Map<String, String> facts() {
    Map<String, String> facts = new TreeMap<>();
    readings.forEach((k, v) -> facts.put(k, v.get(0).value()));
    lists.forEach((k, v) -> facts.put(k, String.join("; ", v)));
    return facts;
  }

  /** A reconciled scalar fact's value, if any source gave one. */
  public Optional<String> fact(String key) {
    List<FactReading> r = readings.get(key);
    return r == null ? Optional.empty() : Optional.of(r.get(0).value());
  }

  /** How many sources gave the reconciled value of a fact (0 when none gave the fact). */
  public long confirmations(String key) {
    List<FactReading> r = readings.get(key);
    return r == null ? 0 : r.get(0).sources();
  }

  /**
   * The facts on which sources disagree: per fact, the values other than the reconciled one, with
   * how many sources gave each.
   */
  public Map<String, Map<String, Long>> conflicts() {
    Map<String, Map<String, Long>> conflicts = new TreeMap<>();
    readings.forEach(
        (k, v) -> {
          if (v.size() > 1) {
            Map<String, Long> others = new LinkedHashMap<>();
            v.subList(1, v.size()).forEach(r -> others.put(r.value(), r.sources()));
            conflicts.put(k, others);
          }
        });
    return conflicts;
  }

  private static EventType votedType(List<Report> members) {
    Map<EventType, Integer> votes = new EnumMap<>(EventType.class);
    members.forEach(m -> votes.merge(m.event().type(), 1, Integer::sum));
    return TIE_ORDER.stream()
        .filter(votes::containsKey)
        .max(
            Comparator.comparingInt((EventType t) -> votes.get(t))
                .thenComparing(t -> -TIE_ORDER.indexOf(t)))
        .orElseThrow();
  }

  private static List<String> votedCompanies(List<Report> members) {
    Map<String, int[]> counts = new HashMap<>(); // name -> {as lead, named, first position}
    int position = 0;
    for (Report m : members) {
      List<String> named = m.event().companies();
      for (int i = 0; i < named.size(); i++) {
        int[] c = counts.computeIfAbsent(named.get(i), k -> new int[3]);
        if (c[1] == 0) {
          c[2] = position++;
        }
        c[0] += i == 0 ? 1 : 0;
        c[1]++;
      }
    }
    return counts.entrySet().stream()
        .sorted(
            Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[0])
                .thenComparingInt(e -> -e.getValue()[1])
                .thenComparingInt(e -> e.getValue()[2])
                .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey)
        .toList();
  }

  private static void readFacts(
      List<Report> members,
      Map<String, List<FactReading>> readings,
      Map<String, List<String>> lists) {
    for (Report m : members) {
      m.event()
          .facts()
          .forEach(
              (key, value) -> {
                if (StoryEvent.LIST_FACTS.contains(key)) {
                  List<String> union = lists.computeIfAbsent(key, k -> new ArrayList<>());
                  m.event().listFact(key).stream()
                      .filter(v -> !union.contains(v))
                      .forEach(union::add);
                } else {
                  readings.put(key, read(readings.get(key), value, m.published()));
                }
              });
    }
    readings.replaceAll((k, v) -> v.stream().sorted(FactReading.MOST_CONFIRMED_FIRST).toList());
    lists.replaceAll((k, v) -> List.copyOf(v));
  }

  private static List<FactReading> read(
      @Nullable List<FactReading> readings, String value, Instant published) {
    List<FactReading> out = new ArrayList<>(readings == null ? List.of() : readings);
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).value().equals(value)) {
        out.set(i, out.get(i).confirmedAt(published));
        return out;
      }
    }
    out.add(new FactReading(value, 1, published));
    return out;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Story s
        && id.equals(s.id)
        && members.equals(s.members)
        && overflow.equals(s.overflow)
        && unlisted == s.unlisted
        && lastUpdated.equals(s.lastUpdated);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, members, overflow, unlisted, lastUpdated);
  }

  @Override
  public String toString() {
    return "Story[" + id + ", " + type + ", " + companies + ", " + sources().size() + " sources]";
  }
}
