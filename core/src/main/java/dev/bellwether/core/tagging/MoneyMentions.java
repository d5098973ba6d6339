package dev.bellwether.core.tagging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.TreeSet;

/**
 * Every amount of money a text writes, as plain numbers in their own currency: what two retellings
 * of one deal have in common however the tagger read each ("$13 billion ... $183 billion" in one,
 * "$183bn ... $13bn" in another). Reads at most {@value #READ} characters.
 */
public final class MoneyMentions {
  /** Characters read at most: the title and lead, where the deal's own figures are. */
  public static final int READ = 600;

  private static final MoneyParser PARSER = MoneyParser.builtIn();

  /** Amounts of at least this much are kept: smaller ones are prices, not deals. */
  private static final BigDecimal AT_LEAST = BigDecimal.valueOf(100_000);

  /** Amounts above this (a hundred trillion) are misreadings. */
  private static final BigDecimal AT_MOST = BigDecimal.valueOf(100_000_000_000_000L);

  private MoneyMentions() {}

  /** The distinct amounts of money in the text's first {@value #READ} characters, ascending. */
  public static List<Long> of(String text) {
    String read = text.length() <= READ ? text : text.substring(0, READ);
    TreeSet<Long> out = new TreeSet<>();
    for (Money m : PARSER.parse(read)) {
      if (m.amount().compareTo(AT_LEAST) >= 0 && m.amount().compareTo(AT_MOST) <= 0) {
        out.add(m.amount().setScale(0, RoundingMode.HALF_UP).longValueExact());
      }
    }
    return List.copyOf(out);
  }
}
