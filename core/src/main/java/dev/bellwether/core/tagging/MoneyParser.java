package dev.bellwether.core.tagging;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads amounts of money: "$6.6 billion", "$500 million", "$1.5bn", "US$2 billion", "USD 1
 * billion", "$110B", "€109 billion", "10 billion yuan". Ranges ("$8–10 billion", "between $15
 * billion and $20 billion") are left out, since no single figure is stated.
 */
final class MoneyParser {
  private static final Pattern MONEY =
      Pattern.compile(
          "(?<pre>US\\$|USD\\s?|\\$|€|£|¥|EUR\\s?|RMB\\s?|CNY\\s?)?"
              + "(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)"
              + "(?:\\s?(?<scale>trillion|billion|million|thousand|tn|bn|mn|[bmktBMKT])(?![a-zA-Z]))?"
              + "(?:\\s(?<post>dollars|yuan|renminbi|euros?|pounds|yen))?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern RANGE_AFTER = Pattern.compile("^\\s?(?:[–—-]|to)\\s?\\$?\\d");
  private static final Pattern RANGE_BEFORE = Pattern.compile("(?:between|from)\\s$");

  private MoneyParser() {}

  static List<Money> parse(String sentence) {
    List<Money> found = new ArrayList<>();
    Matcher m = MONEY.matcher(sentence);
    while (m.find()) {
      String currency = currency(m.group("pre"), m.group("post"));
      if (currency == null || isRange(sentence, m)) {
        continue;
      }
      BigDecimal number = new BigDecimal(m.group("num").replace(",", ""));
      found.add(new Money(currency, number.multiply(scale(m.group("scale"))), m.start(), m.end()));
    }
    return found;
  }

  private static boolean isRange(String sentence, Matcher m) {
    String after = sentence.substring(m.end(), Math.min(sentence.length(), m.end() + 6));
    String before = sentence.substring(Math.max(0, m.start() - 8), m.start());
    boolean openEnded = m.group("scale") == null && RANGE_AFTER.matcher(after).find();
    return openEnded || RANGE_BEFORE.matcher(before.toLowerCase(Locale.ROOT)).find();
  }

  private static String currency(String pre, String post) {
    String p = pre == null ? "" : pre.trim().toUpperCase(Locale.ROOT);
    String q = post == null ? "" : post.toLowerCase(Locale.ROOT);
    if (p.equals("$") || p.equals("US$") || p.equals("USD") || q.equals("dollars")) {
      return "USD";
    }
    if (p.equals("€") || p.equals("EUR") || q.startsWith("euro")) {
      return "EUR";
    }
    if (p.equals("£") || q.equals("pounds")) {
      return "GBP";
    }
    if (p.equals("RMB") || p.equals("CNY") || q.equals("yuan") || q.equals("renminbi")) {
      return "CNY";
    }
    return p.equals("¥") || q.equals("yen") ? "JPY" : null;
  }

  private static BigDecimal scale(String scale) {
    if (scale == null) {
      return BigDecimal.ONE;
    }
    return switch (scale.toLowerCase(Locale.ROOT)) {
      case "trillion", "tn", "t" -> new BigDecimal("1e12");
      case "billion", "bn", "b" -> new BigDecimal("1e9");
      case "million", "mn", "m" -> new BigDecimal("1e6");
      default -> new BigDecimal("1e3");
    };
  }
}
