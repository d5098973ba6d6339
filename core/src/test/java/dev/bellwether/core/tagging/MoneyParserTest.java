package dev.bellwether.core.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyParserTest {
  private static final MoneyParser PARSER = MoneyParser.builtIn();

  private static Money single(String text) {
    List<Money> found = PARSER.parse(text);
    assertThat(found).as("money in: %s", text).hasSize(1);
    return found.get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Lumen Robotics raised $6.6 billion from investors. | USD | 6600000000",
        "Lumen Robotics raised $6.6B from investors. | USD | 6600000000",
        "Lumen Robotics raised $6.6bn from investors. | USD | 6600000000",
        "Lumen Robotics raised US$6.6bn from investors. | USD | 6600000000",
        "Lumen Robotics raised $2 bln from investors. | USD | 2000000000",
        "Lumen Robotics raised $350 mln in a Series C. | USD | 350000000",
        "Lumen Robotics raised USD 6.6 billion from investors. | USD | 6600000000",
        "Lumen Robotics raised 6.6 billion dollars from investors. | USD | 6600000000",
        "Lumen Robotics raised $500 million in new money. | USD | 500000000",
        "Lumen Robotics raised $500m in new money. | USD | 500000000",
        "Lumen Robotics raised $500M in new money. | USD | 500000000",
        "The Paris lab took in €2 billion this week. | EUR | 2000000000",
        "The Paris lab took in EUR 2bn this week. | EUR | 2000000000",
        "The London start-up secured £500m on Monday. | GBP | 500000000",
        "The Tokyo firm drew ¥10 billion from banks. | JPY | 10000000000",
        "The Tokyo firm drew 10 billion yen from banks. | JPY | 10000000000",
        "The Bengaluru start-up mopped up ₹1,200 crore in fresh capital. | INR | 12000000000",
        "The Pune start-up picked up ₹50 lakh from angels. | INR | 5000000",
        "The Hangzhou lab gathered RMB 5 billion last quarter. | CNY | 5000000000",
        "The Hangzhou lab gathered 5 billion yuan last quarter. | CNY | 5000000000",
        "The Seoul chip designer attracted 1.2 trillion won from backers. | KRW | 1200000000000",
        "Analysts put the build-out at $1.5 trillion. | USD | 1500000000000",
        "The robotics firm is raising over $10 billion. | USD | 10000000000",
        "The robotics firm wants north of $4 billion. | USD | 4000000000",
        "The fund committed $2,500,000 to the seed. | USD | 2500000",
        "It paid Rs 300 crore for the unit. | INR | 3000000000",
        "It paid HK$3 billion for the stake. | HKD | 3000000000",
        "It paid 3 billion Hong Kong dollars for the stake. | HKD | 3000000000",
      })
  void readsEveryCommonWrittenForm(String text, String currency, String amount) {
    Money m = single(text.trim());
    assertThat(m.currency()).isEqualTo(currency.trim());
    assertThat(m.amount()).isEqualByComparingTo(new BigDecimal(amount.trim()));
    assertThat(m.plain()).isEqualTo(amount.trim());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "The company hopes to raise $8–10 billion this year.",
        "The company hopes to raise $8-10bn this year.",
        "The company hopes to raise between $8 billion and $10 billion this year.",
        "The company hopes to raise $8 billion to $10 billion this year.",
        "The company hopes to raise $8bn-$10bn this year.",
        "The company hopes to raise €8 to €10 billion this year.",
      })
  void leavesRangesWithoutASingleFigure(String text) {
    assertThat(PARSER.parse(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "The firm has 500 employees and 12 offices.",
        "The A100 and H20 chips shipped in 2024.",
        "She won 3 awards in 2023.",
        "Revenue grew 40% to 1.2 million users.",
      })
  void readsNoMoneyWithoutACurrency(String text) {
    assertThat(PARSER.parse(text)).isEmpty();
  }

  @Test
  void keepsTheNewFigureOfAChange() {
    List<Money> found = PARSER.parse("Its target rose from $8 billion to $10 billion.");
    assertThat(found).extracting(Money::plain).containsExactly("10000000000");
  }

  @Test
  void keepsAmountAndValuationApart() {
    List<Money> found = PARSER.parse("It raised $2 billion and $30 billion in valuation.");
    assertThat(found).extracting(Money::plain).containsExactly("2000000000", "30000000000");
  }

  /**
   * Signs and codes in lower case and amounts next to digits that begin none: where the parser
   * skips positions and reads digits with a pattern without signs, it finds what the whole pattern
   * finds everywhere (the figures are those of the parser before that change).
   */
  @Test
  void findsAmountsWhereverTheWholePatternWould() {
    assertThat(PARSER.parse("It paid us$6.6bn for it.").toString())
        .isEqualTo("[Money[currency=USD, amount=6.6E+9, start=8, end=16]]");
    assertThat(PARSER.parse("It paid rs 300 crore for it.").toString())
        .isEqualTo("[Money[currency=INR, amount=3.00E+9, start=8, end=20]]");
    assertThat(PARSER.parse("It paid s$2 billion, or 12 billion yen.").toString())
        .isEqualTo(
            "[Money[currency=SGD, amount=2E+9, start=8, end=19],"
                + " Money[currency=JPY, amount=1.2E+10, start=24, end=38]]");
    assertThat(
            PARSER
                .parse("In 2024 it paid 1.5.3 and $7-8 billion and €3,5m and x$4 million")
                .toString())
        .isEqualTo("[Money[currency=USD, amount=4E+6, start=54, end=64]]");
    assertThat(
            PARSER
                .parse(
                    "it paid hk$3 billion and a$5m and 12.5 million swiss francs in 2,500,000"
                        + " steps")
                .toString())
        .isEqualTo(
            "[Money[currency=HKD, amount=3E+9, start=8, end=20],"
                + " Money[currency=AUD, amount=5E+6, start=25, end=29],"
                + " Money[currency=CHF, amount=1.25E+7, start=34, end=59]]");
  }

  /**
   * The parser's search, which tries the pattern only at digits and signs or codes, finds the
   * matches, groups included, that {@link Matcher#find} finds trying every position (the search and
   * the patterns are package-private for this test).
   */
  @Test
  void searchFindsWhatFindFinds() {
    Pattern money = PARSER.pattern();
    Pattern atDigit = PARSER.patternAtDigit();
    String[] pieces = {
      "$",
      "us$",
      "US$",
      "U.S.$",
      "u.s.$",
      "usd ",
      "USD",
      "€",
      "eur",
      "EUR ",
      "£",
      "¥",
      "₹",
      "₩",
      "rs ",
      "Rs. ",
      "rmb",
      "hk$",
      "HK$",
      "a$",
      "c$",
      "s$",
      "nt$",
      "x",
      "a",
      "s",
      " ",
      "-",
      ".",
      ",",
      "1",
      "2",
      "12",
      "3.5",
      "1,200",
      "2,500,000",
      " billion",
      "bn",
      "m",
      "M",
      " crore",
      " lakh",
      " dollars",
      " yen",
      " won",
      " Swiss francs",
      " to ",
      " and ",
      "between ",
      "\u212a"
    };
    Random random = new Random(11);
    for (int n = 0; n < 3000; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(14); k >= 0; k--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String t = text.toString();
      List<String> expected = new ArrayList<>();
      Matcher all = money.matcher(t);
      while (all.find()) {
        expected.add(describe(all));
      }
      List<String> actual = new ArrayList<>();
      Matcher any = money.matcher(t).useTransparentBounds(true).useAnchoringBounds(false);
      Matcher digits = atDigit.matcher(t).useTransparentBounds(true).useAnchoringBounds(false);
      for (Matcher m = PARSER.find(any, digits, t, 0);
          m != null;
          m = PARSER.find(any, digits, t, m.end())) {
        actual.add(describe(m));
      }
      assertThat(actual).as("in \"%s\"", t).isEqualTo(expected);
    }
  }

  private static String describe(Matcher m) {
    return m.start()
        + "-"
        + m.end()
        + " "
        + m.group("pre")
        + "|"
        + m.group("num")
        + "|"
        + m.group("word")
        + "|"
        + m.group("letter")
        + "|"
        + m.group("post");
  }
}
