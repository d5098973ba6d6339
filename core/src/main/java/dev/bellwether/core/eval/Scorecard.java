package dev.bellwether.core.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How well predictions match labeled items, by the rules of the shared {@code score_events.py}:
 *
 * <ul>
 *   <li>event types at item level: an item's set of gold types against its set of predicted types;
 *       per type P/R/F1, micro over all five types and "core" over the first three;
 *   <li>on the types both sides found in an item: status (some status in common), {@code ended} and
 *       {@code relaxed} (same "any event has it"), and the fields: FUNDING {@code amount_usd} and
 *       {@code valuation_usd} within 1%, PARTNERSHIP parties (all gold parties named by one
 *       predicted event), ACQUISITION acquirer and target, EXPORT_CONTROL target;
 *   <li>companies: micro P/R/F1 over each item's set of names.
 * </ul>
 *
 * Names compare case-insensitively after trimming. A gold item without a prediction counts as
 * predicting nothing; predictions for unknown ids are ignored.
 */
public final class Scorecard {
  /** The scored event types, core types first. */
  public static final List<String> TYPES =
      List.of("FUNDING", "EXPORT_CONTROL", "PARTNERSHIP", "ACQUISITION", "IPO");

  /** The types of the "core" F1. */
  public static final List<String> CORE = TYPES.subList(0, 3);

  /** The checks that make up the field accuracy. */
  public static final List<String> FIELDS =
      List.of("amount_usd", "valuation_usd", "parties", "acquirer", "target");

  /** True positives, false positives and false negatives. */
  public record Counts(int tp, int fp, int fn) {
    public double precision() {
      return tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 0.0 : (double) tp / (tp + fn);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    Counts plus(Counts o) {
      return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
    }
  }

  /** How many times a check was made and how many times it held. */
  public record Check(int right, int asked) {
    public double accuracy() {
      return asked == 0 ? 0.0 : (double) right / asked;
    }

    Check plus(boolean ok) {
      return new Check(right + (ok ? 1 : 0), asked + 1);
    }
  }

  /** A type missed ({@code "missed FUNDING"}) or predicted in excess ({@code "extra IPO"}). */
  public record Miss(String id, String what, String text) {}

  private final Map<String, Counts> byType = new LinkedHashMap<>();
  private final Map<String, Check> checks = new TreeMap<>();
  private final List<Miss> misses = new ArrayList<>();
  private final List<Miss> companyMisses = new ArrayList<>();
  private Counts companies = new Counts(0, 0, 0);
  private final int goldItems;
  private final int predictedItems;

  private Scorecard(Map<String, LabeledItem> gold, Map<String, LabeledItem> predicted) {
    TYPES.forEach(t -> byType.put(t, new Counts(0, 0, 0)));
    goldItems = gold.size();
    predictedItems = (int) gold.keySet().stream().filter(predicted::containsKey).count();
    gold.forEach((id, g) -> scoreItem(g, predicted.get(id)));
  }

  /**
   * Scores predictions against gold items. Of several items with one id, the last counts (as in the
   * Python scorer, which reads each file into a dictionary).
   */
  public static Scorecard score(List<LabeledItem> gold, List<LabeledItem> predicted) {
    return new Scorecard(byId(gold), byId(predicted));
  }

  private static Map<String, LabeledItem> byId(List<LabeledItem> items) {
    Map<String, LabeledItem> map = new LinkedHashMap<>();
    items.forEach(i -> map.put(i.id(), i));
    return map;
  }

  private void scoreItem(LabeledItem g, @Nullable LabeledItem p) {
    List<LabeledEvent> predictedEvents = p == null ? List.of() : p.events();
    Set<String> gtypes = types(g.events());
    Set<String> ptypes = types(predictedEvents);
    for (String t : TYPES) {
      countType(g, t, gtypes.contains(t), ptypes.contains(t));
    }
    Set<String> gc = names(g.companies());
    Set<String> pc = names(p == null ? List.of() : p.companies());
    companies = companies.plus(new Counts(common(gc, pc), minus(pc, gc), minus(gc, pc)));
    noteCompanyMisses(g, g.companies(), pc, "missed company ");
    noteCompanyMisses(g, p == null ? List.of() : p.companies(), gc, "extra company ");
    for (String t : TYPES) {
      if (gtypes.contains(t) && ptypes.contains(t)) {
        checkFacts(t, ofType(g.events(), t), ofType(predictedEvents, t));
      }
    }
  }

  private void countType(LabeledItem g, String type, boolean inGold, boolean predicted) {
    Counts c = byType.get(type);
    if (inGold && predicted) {
      byType.put(type, c.plus(new Counts(1, 0, 0)));
    } else if (predicted) {
      byType.put(type, c.plus(new Counts(0, 1, 0)));
      misses.add(new Miss(g.id(), "extra " + type, g.text()));
    } else if (inGold) {
      byType.put(type, c.plus(new Counts(0, 0, 1)));
      misses.add(new Miss(g.id(), "missed " + type, g.text()));
    }
  }

  private void noteCompanyMisses(
      LabeledItem g, List<String> names, Set<String> other, String what) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!other.contains(norm(name)) && seen.add(norm(name))) {
        companyMisses.add(new Miss(g.id(), what + name.strip(), g.text()));
      }
    }
  }

  private void checkFacts(String type, List<LabeledEvent> ge, List<LabeledEvent> pe) {
    check("status", !disjoint(statuses(ge), statuses(pe)));
    switch (type) {
      case "PARTNERSHIP" -> checkPartnership(ge, pe);
      case "EXPORT_CONTROL" -> {
        check("relaxed", any(ge, LabeledEvent::relaxed) == any(pe, LabeledEvent::relaxed));
        checkName("target", LabeledEvent::target, ge, pe);
      }
      case "FUNDING" -> {
        checkAmount("amount_usd", LabeledEvent::amountUsd, ge, pe);
        checkAmount("valuation_usd", LabeledEvent::valuationUsd, ge, pe);
      }
      case "ACQUISITION" -> {
        checkName("acquirer", LabeledEvent::acquirer, ge, pe);
        checkName("target", LabeledEvent::target, ge, pe);
      }
      default -> {}
    }
  }

  private void checkPartnership(List<LabeledEvent> ge, List<LabeledEvent> pe) {
    check("ended", any(ge, LabeledEvent::ended) == any(pe, LabeledEvent::ended));
    for (LabeledEvent e : ge) {
      Set<String> parties = names(e.parties());
      if (!parties.isEmpty()) {
        check("parties", pe.stream().anyMatch(q -> names(q.parties()).containsAll(parties)));
      }
    }
  }

  private void checkName(
      String key,
      Function<LabeledEvent, @Nullable String> field,
      List<LabeledEvent> ge,
      List<LabeledEvent> pe) {
    checkField(
        key, field, ge, pe, want -> !want.isEmpty(), (want, got) -> norm(want).equals(norm(got)));
  }

  private void checkAmount(
      String key,
      Function<LabeledEvent, @Nullable Double> field,
      List<LabeledEvent> ge,
      List<LabeledEvent> pe) {
    checkField(key, field, ge, pe, want -> true, Scorecard::close);
  }

  /**
   * For each gold event with a value of {@code field} worth checking, whether a predicted event has
   * the same value.
   */
  private <T> void checkField(
      String key,
      Function<LabeledEvent, @Nullable T> field,
      List<LabeledEvent> ge,
      List<LabeledEvent> pe,
      java.util.function.Predicate<T> worthChecking,
      java.util.function.BiPredicate<T, @Nullable T> same) {
    for (LabeledEvent e : ge) {
      T want = field.apply(e);
      if (want != null && worthChecking.test(want)) {
        check(key, pe.stream().anyMatch(q -> same.test(want, field.apply(q))));
      }
    }
  }

  private void check(String name, boolean ok) {
    checks.merge(name, new Check(0, 0).plus(ok), (a, b) -> a.plus(ok));
  }

  private static boolean close(double a, @Nullable Double b) {
    return b != null && Math.abs(a - b) <= 0.01 * Math.max(Math.abs(a), Math.abs(b));
  }

  private static Set<String> types(List<LabeledEvent> events) {
    return events.stream()
        .map(LabeledEvent::type)
        .filter(t -> t != null && TYPES.contains(t))
        .collect(Collectors.toSet());
  }

  private static List<LabeledEvent> ofType(List<LabeledEvent> events, String type) {
    return events.stream().filter(e -> type.equals(e.type())).toList();
  }

  private static Set<@Nullable String> statuses(List<LabeledEvent> events) {
    Set<@Nullable String> s = new HashSet<>();
    events.forEach(e -> s.add(e.status()));
    return s;
  }

  private static boolean disjoint(Set<@Nullable String> a, Set<@Nullable String> b) {
    return a.stream().noneMatch(b::contains);
  }

  private static boolean any(List<LabeledEvent> events, Function<LabeledEvent, Boolean> flag) {
    return events.stream().anyMatch(flag::apply);
  }

  private static Set<String> names(Collection<String> names) {
    return names.stream().map(Scorecard::norm).collect(Collectors.toSet());
  }

  /** A name as compared: trimmed and case-folded. */
  static String norm(@Nullable String name) {
    return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
  }

  private static int common(Set<String> a, Set<String> b) {
    return (int) a.stream().filter(b::contains).count();
  }

  private static int minus(Set<String> a, Set<String> b) {
    return a.size() - common(a, b);
  }

  public int goldItems() {
    return goldItems;
  }

  /** How many gold items have a prediction. */
  public int predictedItems() {
    return predictedItems;
  }

  /** Item-level counts for one of {@link #TYPES}. */
  public Counts type(String type) {
    return Objects.requireNonNull(byType.get(type), () -> "not a scored type: " + type);
  }

  /** Counts summed over all five types. */
  public Counts micro() {
    return sum(TYPES);
  }

  /** Counts summed over the core types. */
  public Counts core() {
    return sum(CORE);
  }

  private Counts sum(List<String> types) {
    return types.stream().map(byType::get).reduce(new Counts(0, 0, 0), Counts::plus);
  }

  public Counts companies() {
    return companies;
  }

  /** Status, flag and field checks by name, sorted by name; only checks that were made. */
  public Map<String, Check> checks() {
    return new TreeMap<>(checks);
  }

  /** Right over asked summed over the {@link #FIELDS} checks; 0 when none was made. */
  public double fieldAccuracy() {
    Check sum = new Check(0, 0);
    for (String f : FIELDS) {
      Check c = checks.getOrDefault(f, new Check(0, 0));
      sum = new Check(sum.right() + c.right(), sum.asked() + c.asked());
    }
    return sum.asked() == 0 ? 0.0 : sum.accuracy();
  }

  /** Missed and extra types, in gold order and type order within an item. */
  public List<Miss> misses() {
    return List.copyOf(misses);
  }

  /** Company names missed or extra ({@code "missed company Cursor"}), in gold order. */
  public List<Miss> companyMisses() {
    return List.copyOf(companyMisses);
  }
}
