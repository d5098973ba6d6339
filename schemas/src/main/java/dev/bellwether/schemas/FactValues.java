package dev.bellwether.schemas;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the fact values of a {@code TaggedEvent} or an {@code Alert} read to people. Facts carry
 * dollar amounts as plain whole numbers ({@code amount_usd: "40000000000"}); every place that shows
 * them (the console, Slack) shows them the same way.
 */
public final class FactValues {
  private FactValues() {}

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
}
