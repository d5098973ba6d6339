package dev.bellwether.core.tagging;

import dev.bellwether.core.text.Regex;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a funding sentence's amount from its valuation: a valuation is introduced by "valued at",
 * "valuing it at", "values the company at", "would value it at", "a valuation of" or followed by
 * "valuation"; the amount is the largest other figure that is not a running total. A valuation
 * never becomes the amount.
 */
final class Amounts {
  private static final Regex VALUATION_BEFORE =
      Regex.compile("(?:valu(?:e|es|ed|ing|ation))\\b[^$€£¥\\d.;]{0,30}$");
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
    valuation(s).ifPresent(v -> facts.put(v.isUsd() ? "valuation_usd" : "valuation", v.plain()));
    amount(s)
        .ifPresent(
            a -> {
              putAmount(facts, a);
              if (!a.isUsd()) {
                usdEquivalent(s, a).ifPresent(u -> facts.put("amount_usd", u.plain()));
              }
            });
    return facts;
  }

  /**
   * The largest figure that is neither a valuation nor a running total, in the currency of the
   * first such figure (amounts in different currencies are never compared).
   */
  static Optional<Money> amount(SentenceContext s) {
    List<Money> candidates =
        s.money().stream().filter(m -> !isValuation(s, m) && !before(s, m, TOTAL_BEFORE)).toList();
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    String currency = candidates.get(0).currency();
    return candidates.stream()
        .filter(m -> m.currency().equals(currency))
        .max(Comparator.comparing(Money::amount));
  }

  /** "€600 million ($650 million)": the US-dollar figure the text itself gives for an amount. */
  private static Optional<Money> usdEquivalent(SentenceContext s, Money a) {
    return s.money().stream()
        .filter(Money::isUsd)
        .filter(u -> u.start() >= a.end() && s.findIn(EQUIVALENT_GAP, a.end(), u.start()))
        .findFirst();
  }

  static Optional<Money> valuation(SentenceContext s) {
    return s.money().stream().filter(m -> isValuation(s, m)).findFirst();
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
