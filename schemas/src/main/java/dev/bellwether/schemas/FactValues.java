package dev.bellwether.schemas;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the fact values of a {@code TaggedEvent} or an {@code Alert} read to people. Facts carry
 * dollar amounts as plain whole numbers ({@code amount_usd: "40000000000"}); every place that shows
 * them (the console, Slack) shows them the same way.
 */
public final class FactValues {
  /** The facts people are shown, in the order they are shown, with their labels. */
  public static final Map<String, String> LABELS = labels();

  private FactValues() {}

  /** A fact's value as people read it: dollar amounts through {@link #usd}, others as they are. */
  public static String show(String fact, String value) {
    return fact.endsWith("_usd") ? usd(value) : value;
  }

  /** {@code 40000000000} → {@code $40B}; values that are not numbers are shown as they are. */
  public static String usd(String amount) {
    try {
      BigDecimal value = new BigDecimal(amount);
      String[] units = {"", "K", "M", "B", "T"};
      int unit = 0;
      while (value.abs().compareTo(BigDecimal.valueOf(1000)) >= 0 && unit < units.length - 1) {
        value = value.divide(BigDecimal.valueOf(1000));
        unit++;
      }
      return "$"
          + value.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
          + units[unit];
    } catch (NumberFormatException e) {
      return amount;
    }
  }

  private static Map<String, String> labels() {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("amount_usd", "Amount");
    facts.put("valuation_usd", "Valuation");
    facts.put("round", "Round");
    facts.put("investors", "Investors");
    facts.put("parties", "Parties");
    facts.put("acquirer", "Acquirer");
    facts.put("authority", "Authority");
    facts.put("target", "Target");
    facts.put("exchange", "Exchange");
    return Collections.unmodifiableMap(facts);
  }
}
