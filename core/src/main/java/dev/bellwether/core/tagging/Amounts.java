package dev.bellwether.core.tagging;

import dev.bellwether.core.text.Regex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Tells a funding sentence's amount from its valuation: a valuation is introduced by "valued at",
 * "valuing it at", "values the company at", "would value it at", "a valuation of" or followed by
 * "valuation"; the amount is the largest other figure that is not a running total. A valuation
 * never becomes the amount.
 */
final class Amounts {
  private static final Regex VALUATION_BEFORE =
      Regex.compile("(?:valu(?:e|es|ed|ing|ation))\\b[^$€£¥\\d.;]{0,40}$");
  private static final Regex VALUATION_AFTER =
      Regex.compile(
          "^(?:\\s+(?!(?:at|of|and|with|for|on|in|to|from|by)\\b)[\\w-]+){0,3}?\\s*"
              + "(?:valuation|market value)");
  private static final Regex TOTAL_BEFORE =
      Regex.compile("(?:total\\w*|to date|bringing)\\b[^$€£¥\\d]{0,25}$");

  /** What stands between an amount and its dollar equivalent: "(", "(about ", ", or ". */
  private static final Regex EQUIVALENT_GAP =
      Regex.compile(
          "^\\s*(?:\\(|,\\s*or|—|–)\\s*(?:about|around|roughly|some|approximately|nearly|~)?\\s*$");

  private Amounts() {}

  /** Facts {@code amount_usd}, {@code valuation_usd} (or {@code currency}, {@code amount}). */
  static Map<String, String> of(SentenceContext s) {
    Map<String, String> facts = new LinkedHashMap<>();
    List<Money> money = s.money();
    boolean[] valuations = valuations(s, money);
    @Nullable Money v = valuation(money, valuations);
    if (v != null) {
      facts.put(v.isUsd() ? "valuation_usd" : "valuation", v.plain());
      if (!v.isUsd()) {
        @Nullable Money u = usdEquivalent(s, v);
        if (u != null) {
          facts.put("valuation_usd", u.plain());
        }
      }
    }
    @Nullable Money a = amount(s, money, valuations);
    if (a != null) {
      putAmount(facts, a);
      if (!a.isUsd()) {
        @Nullable Money u = usdEquivalent(s, a);
        if (u != null) {
          facts.put("amount_usd", u.plain());
        }
      }
    }
    return facts;
  }

  /**
   * The largest figure that is neither a valuation nor a running total, in the currency of the
   * first such figure (amounts in different currencies are never compared).
   */
  static Optional<Money> amount(SentenceContext s) {
    List<Money> money = s.money();
    return Optional.ofNullable(amount(s, money, valuations(s, money)));
  }

  /** Whether each amount of the sentence is a valuation, asked once per amount. */
  private static boolean[] valuations(SentenceContext s, List<Money> money) {
    boolean[] valuations = new boolean[money.size()];
    for (int i = 0; i < valuations.length; i++) {
      valuations[i] = isValuation(s, money.get(i));
      // "values it at 400 billion yen ($2.6 billion)": the dollar figure is the valuation too
      if (!valuations[i] && i > 0 && valuations[i - 1] && money.get(i).isUsd()) {
        valuations[i] = s.findIn(EQUIVALENT_GAP, money.get(i - 1).end(), money.get(i).start());
      }
    }
    return valuations;
  }

  /**
   * The first of the largest candidates (as {@code Stream.max} with a comparator keeps the first of
   * equal ones), or null.
   */
  private static @Nullable Money amount(
      SentenceContext s, List<Money> money, boolean[] valuations) {
    @Nullable Money best = null;
    @Nullable String currency = null;
    for (int i = 0; i < valuations.length; i++) {
      Money m = money.get(i);
      if (valuations[i] || before(s, m, TOTAL_BEFORE)) {
        continue;
      }
      if (currency == null) {
        currency = m.currency();
      }
      if (m.currency().equals(currency)
          && (best == null || m.amount().compareTo(best.amount()) > 0)) {
        best = m;
      }
    }
    return best;
  }

  /** "€600 million ($650 million)": the US-dollar figure the text itself gives for an amount. */
  private static @Nullable Money usdEquivalent(SentenceContext s, Money a) {
    for (Money u : s.money()) {
      if (u.isUsd() && u.start() >= a.end() && s.findIn(EQUIVALENT_GAP, a.end(), u.start())) {
        return u;
      }
    }
    return null;
  }

  static Optional<Money> valuation(SentenceContext s) {
    List<Money> money = s.money();
    return Optional.ofNullable(valuation(money, valuations(s, money)));
  }

  private static @Nullable Money valuation(List<Money> money, boolean[] valuations) {
    for (int i = 0; i < valuations.length; i++) {
      if (valuations[i]) {
        return money.get(i);
      }
    }
    return null;
  }

  private static void putAmount(Map<String, String> facts, Money a) {
    if (a.isUsd()) {
      facts.put("amount_usd", a.plain());
    } else {
      facts.put("currency", a.currency());
      facts.put("amount", a.plain());
    }
  }

  private static boolean isValuation(SentenceContext s, Money m) {
    return before(s, m, VALUATION_BEFORE) || s.findIn(VALUATION_AFTER, m.end(), s.lower().length());
  }

  private static boolean before(SentenceContext s, Money m, Regex p) {
    return s.findIn(p, Math.max(0, m.start() - 45), m.start());
  }
}
