package dev.bellwether.core.company;

import java.util.List;
import java.util.Objects;

/**
 * A company Bellwether knows by name.
 *
 * @param name the canonical name used everywhere downstream (for example {@code Google})
 * @param aliases other names of the company itself (for example {@code Alphabet}, {@code DeepMind})
 * @param products product and model names that stand for the company ({@code Gemini})
 * @param tickers stock tickers
 * @param ciks SEC Central Index Keys, ten digits
 * @param groups the watchlist groups the company belongs to ({@code frontier-labs})
 */
public record Company(
    String name,
    List<String> aliases,
    List<String> products,
    List<String> tickers,
    List<String> ciks,
    List<String> groups) {
  public Company {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a company needs a name");
    }
    aliases = List.copyOf(aliases);
    products = List.copyOf(products);
    tickers = List.copyOf(tickers);
    ciks = List.copyOf(ciks);
    groups = List.copyOf(groups);
    for (String cik : ciks) {
      if (!cik.matches("\\d{10}")) {
        throw new IllegalArgumentException("a CIK has ten digits: " + cik);
      }
    }
  }
}
