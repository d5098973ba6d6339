package dev.bellwether.core.story;

import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One event as many outlets told it: an immutable value, built from plain fields so that a
 * processor can keep it in a key-value store.
 *
 * <p>The id is derived from the first report that started the story: {@code "st-"} and the first 16
 * hex digits of SHA-256 over its article id, event type and lead company. The same article always
 * starts the same story id, on every instance and on reprocessing; an article reporting two events
 * starts two stories. (Were articles to arrive in another order, another article would start the
 * story and give it its id; the grouping would not change.)
 *
 * @param companies every company the sources name for the event, the first report's lead first
 * @param status {@code ANNOUNCED} once any source reports the event as announced
 * @param firstSeen the earliest publication time of a source
 * @param lastUpdated the latest publication time of a source
 * @param sources deduplicated by URL, ordered by publication time
 * @param readings per scalar fact ({@code amount_usd}, {@code round}, {@code authority}...) every
 *     value sources gave, most confirmed first
 * @param lists per list fact ({@code investors}, {@code items}, {@code parties}) the union of
 *     values
 * @param fingerprints of the first {@value #FINGERPRINTS_KEPT} sources, for near-duplicate matching
 */
public record Story(
    String id,
    EventType type,
    List<String> companies,
    EventStatus status,
    boolean ended,
    boolean relaxed,
    Instant firstSeen,
    Instant lastUpdated,
    List<Source> sources,
    Map<String, List<FactReading>> readings,
    Map<String, List<String>> lists,
    List<Fingerprint> fingerprints) {
  /** Fingerprints a story keeps: enough to recognise copies, bounded in size. */
  public static final int FINGERPRINTS_KEPT = 4;

  public Story {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastUpdated, "lastUpdated");
    companies = List.copyOf(companies);
    sources =
        sources.stream()
            .sorted(Comparator.comparing(Source::published).thenComparing(Source::url))
            .toList();
    Map<String, List<FactReading>> sorted = new TreeMap<>();
    readings.forEach(
        (k, v) -> sorted.put(k, v.stream().sorted(FactReading.MOST_CONFIRMED_FIRST).toList()));
    readings = Map.copyOf(sorted);
    Map<String, List<String>> copied = new TreeMap<>();
    lists.forEach((k, v) -> copied.put(k, List.copyOf(v)));
    lists = Map.copyOf(copied);
    fingerprints = List.copyOf(fingerprints);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("a story needs a source");
    }
  }

  /** A new story of one report. */
  public static Story start(Report r) {
    StoryEvent e = r.event();
    Story empty =
        new Story(
            idFor(r),
            e.type(),
            e.companies(),
            e.status(),
            e.ended(),
            e.relaxed(),
            r.published(),
            r.published(),
            List.of(r.source()),
            Map.of(),
            Map.of(),
            List.of(r.fingerprint()));
    return empty.withFacts(r);
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

  /** Whether a source with this URL is already cited. */
  public boolean cites(String url) {
    return sources.stream().anyMatch(s -> s.url().equals(url));
  }

  /**
   * This story with one more report: its source, companies, status and facts. A report whose URL is
   * already cited changes nothing and the same story is returned.
   *
   * @throws IllegalArgumentException when the report is of another event type
   */
  public Story with(Report r) {
    if (cites(r.url())) {
      return this;
    }
    if (r.event().type() != type) {
      throw new IllegalArgumentException(
          "a " + r.event().type() + " report cannot join a " + type + " story");
    }
    StoryEvent e = r.event();
    List<String> allCompanies = new ArrayList<>(companies);
    e.companies().stream().filter(c -> !allCompanies.contains(c)).forEach(allCompanies::add);
    List<Source> allSources = new ArrayList<>(sources);
    allSources.add(r.source());
    List<Fingerprint> prints = new ArrayList<>(fingerprints);
    if (prints.size() < FINGERPRINTS_KEPT) {
      prints.add(r.fingerprint());
    }
    Story grown =
        new Story(
            id,
            type,
            allCompanies,
            e.status() == EventStatus.ANNOUNCED ? EventStatus.ANNOUNCED : status,
            ended,
            relaxed,
            r.published().isBefore(firstSeen) ? r.published() : firstSeen,
            r.published().isAfter(lastUpdated) ? r.published() : lastUpdated,
            allSources,
            readings,
            lists,
            prints);
    return grown.withFacts(r);
  }

  private Story withFacts(Report r) {
    Map<String, List<FactReading>> newReadings = new LinkedHashMap<>(readings);
    Map<String, List<String>> newLists = new LinkedHashMap<>(lists);
    r.event()
        .facts()
        .forEach(
            (key, value) -> {
              if (StoryEvent.LIST_FACTS.contains(key)) {
                List<String> union = new ArrayList<>(newLists.getOrDefault(key, List.of()));
                r.event().listFact(key).stream()
                    .filter(v -> !union.contains(v))
                    .forEach(union::add);
                newLists.put(key, union);
              } else {
                newReadings.put(key, read(newReadings.get(key), value, r.published()));
              }
            });
    return new Story(
        id,
        type,
        companies,
        status,
        ended,
        relaxed,
        firstSeen,
        lastUpdated,
        sources,
        newReadings,
        newLists,
        fingerprints);
  }

  private static List<FactReading> read(
      List<FactReading> readings, String value, Instant published) {
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
}
