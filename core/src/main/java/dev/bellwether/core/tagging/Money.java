package dev.bellwether.core.tagging;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of money written in a text.
 *
 * @param currency ISO-like code: {@code USD}, {@code EUR}, {@code GBP}, {@code CNY}, {@code JPY}
 * @param amount the amount in that currency, scale applied ("$1.5bn" is 1500000000)
 * @param start offset of the amount in the sentence
 * @param end end offset of the amount in the sentence
 */
record Money(String currency, BigDecimal amount, int start, int end) {
  Money {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(amount, "amount");
  }

  boolean isUsd() {
    return currency.equals("USD");
  }

  /** The amount as a plain integer string, as the facts carry it. */
  String plain() {
    return amount.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString();
  }
}
