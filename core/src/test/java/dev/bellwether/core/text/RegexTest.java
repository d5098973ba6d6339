package dev.bellwether.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegexTest {
  @Test
  void readsWhereMatchesOfAnAlternationCanBegin() {
    MatchStarts starts = MatchStarts.of("\\b(?:partner(?:s|ed)? with|team up|alliance)").get();
    String text = "they partnered with a team, an alliance";
    List<Integer> candidates = new ArrayList<>();
    for (int i = starts.next(text, 0); i >= 0; i = starts.next(text, i + 1)) {
      candidates.add(i);
    }
    // only where an alternative's first five characters are: "partnered", "alliance" ("team,"
    // is not "team ")
    assertThat(candidates).containsExactly(5, 31);
  }

  @Test
  void readsTheFixedTextsMatchesBeginWith() {
    MatchStarts starts = MatchStarts.of("\\b(?:deal|pact)s?\\b").get();
    String text = "the deals and a pact; dead";
    assertThat(starts.next(text, 0)).isEqualTo(4);
    assertThat(starts.next(text, 5)).isEqualTo(16);
    assertThat(starts.next(text, 17)).isEqualTo(-1); // "dead" does not begin with "deal"
  }

  @Test
  void optionalPartsLetTheNextPartBeginAMatch() {
    MatchStarts starts = MatchStarts.of("(?:the\\s+)?[xy]\\d*z").get();
    assertThat(starts.next("and then x9z", 0)).isEqualTo(4); // "then" may be "the" then x
    assertThat(starts.next("and then x9z", 5)).isEqualTo(9);
    assertThat(starts.next("a y", 0)).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\\bchips?(?i)\\b", // inline flags other than a leading (?i)
        "(?m)^x", // other flags
        "\\p{Lu}\\w+", // Unicode properties
        "(a)\\1", // back references
        "\\bx?", // can match the empty text
        "[a-z&&[^q]]+", // class intersections
        "\\x41b"
      })
  void refusesWhatItDoesNotRead(String regex) {
    assertThat(MatchStarts.of(regex)).isEmpty();
    assertThat(Regex.compile(regex).isNarrowed()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\\b(?:acquir(?:e|es|ed|ing)|to buy|buy(?:s|ing)?)\\b(?! into| back)",
        "(?<![\\w-])(?:u\\.s\\.|us)\\b",
        "\\b(?:a|the) partners? (?:at|with|of|in)\\b[^,.;]*",
        "(?:valu(?:e|es|ed|ing|ation))\\b[^$€£¥\\d.;]{0,30}$",
        "^(?:['’]s)?\\s+(?:former\\s+)?(?:exec\\w*|ceo)",
        "[$€£¥]\\s?\\d+(?:[.,]\\d+)*\\s?(?:bn|m)?",
        "x|\\by",
        "’s\\b|\\d{2,}",
        "(?<name>ab)+c*",
        "\\b_\\w+",
        "(?i)\\b(?:acquir(?:e|es|ed)|buys?|US)\\b",
        "(?i)\\b(?:(?-i:[A-Z][a-z]+ )?(?:Exec|ab)|VALUE[ds]?)\\b",
        "(?i)[$€x]\\d|(?-i:Ab)c"
      })
  void findsWhatPatternFinds(String regex) {
    Regex fast = Regex.compile(regex);
    assertThat(fast.isNarrowed()).as(regex).isTrue();
    Random random = new Random(regex.hashCode());
    String[] pieces = {
      "a",
      "the ",
      "partners",
      " at",
      "acquires",
      "acquired into",
      "buy",
      "buys back",
      "US",
      "u.s.",
      "us",
      "-us",
      "_us",
      "value",
      "valued at ",
      "$",
      "€",
      "£5",
      "12",
      "3.5",
      "bn",
      "m",
      " ",
      ", ",
      ". ",
      "’s",
      "'s",
      "exec",
      " ceo",
      "x",
      "y",
      "ab",
      "abab",
      "c",
      "é",
      "中",
      "\n",
      "_",
      "former ",
      "Acquired",
      "BUYS",
      "Us",
      "Value",
      "Ab",
      "EXEC",
      "X",
      "K",
      "\u212a"
    };
    for (int n = 0; n < 3000; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(12); k >= 0; k--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String t = text.toString();
      assertThat(matches(fast, t)).as("%s in \"%s\"", regex, t).isEqualTo(matches(t, regex));
      int from = t.isEmpty() ? 0 : random.nextInt(t.length());
      int to = from + random.nextInt(t.length() - from + 1);
      assertThat(fast.in(t, from, to))
          .as("%s in \"%s\"[%d, %d)", regex, t, from, to)
          .isEqualTo(Pattern.compile(regex).matcher(t).region(from, to).find());
      assertThat(fast.startsIn(t, from, to))
          .as("%s at the start of \"%s\"[%d, %d)", regex, t, from, to)
          .isEqualTo(Pattern.compile(regex).matcher(t).region(from, to).lookingAt());
    }
  }

  @Test
  void replacesAsMatcherReplaces() {
    Regex abbreviations = Regex.compile("\\b(?:u\\.s|u\\.k)\\.");
    String text = "the u.s. and the u.k. agreed; thus.";
    assertThat(abbreviations.replaceAll(text, m -> m.group().replace('.', '_')))
        .isEqualTo("the u_s_ and the u_k_ agreed; thus.");
    assertThat(abbreviations.replaceAll("nothing here", m -> "?")).isEqualTo("nothing here");
  }

  @Test
  void scanCanStartAnywhereAndSeesTheTextBefore() {
    Regex word = Regex.compile("\\bab");
    Regex.Scan scan = word.scan("xab ab").from(1);
    assertThat(scan.next()).isTrue();
    assertThat(scan.matcher().start()).isEqualTo(4); // "ab" at 1 follows "x": no boundary
    assertThat(scan.next()).isFalse();
  }

  @Test
  void secondCharacterRulesOutTextsWithTheSameFirst() {
    MatchStarts starts = MatchStarts.of("\\b(?:stake|series|seed)\\b").get();
    String text = "s st se sx sta seeds series, s";
    List<Integer> candidates = new ArrayList<>();
    for (int i = starts.next(text, 0); i >= 0; i = starts.next(text, i + 1)) {
      candidates.add(i);
    }
    // "sx" and the lone "s"s at both ends cannot begin any of them; "st" and "se" are too short
    assertThat(candidates).containsExactly(15, 21);
    assertThat(MatchStarts.of("\\b(?:s|stake)").get().next("x s", 0)).isEqualTo(2);
    assertThat(MatchStarts.of("(?:é[a-z]|éé)").get().next("éx ée éé", 0)).isEqualTo(0);
  }

  @Test
  void answersStayRightWhenTheSpareMatcherIsReused() {
    Regex anchored = Regex.compile("^ab");
    Regex word = Regex.compile("\\bab");
    Regex plain = Regex.compile("(?i)ab$"); // not narrowed
    String text = "xab ab";
    for (int round = 0; round < 3; round++) {
      assertThat(word.in(text)).isTrue();
      assertThat(word.in(text, 1, 3)).isTrue(); // "ab" read as the whole text
      assertThat(word.startsIn(text, 1, 6)).isTrue();
      assertThat(anchored.in(text)).isFalse();
      assertThat(anchored.in(text, 4, 6)).isTrue();
      assertThat(anchored.startsIn(text, 1, 3)).isTrue();
      assertThat(plain.in(text, 0, 3)).isTrue(); // $ at the end of the range
      assertThat(plain.in(text, 0, 4)).isFalse();
      assertThat(plain.in("AB")).isTrue();
      assertThat(word.in("xab")).isFalse();
    }
    // a scan in progress keeps its own matcher while the same expression answers other questions
    Regex.Scan scan = word.scan(text);
    assertThat(scan.next()).isTrue();
    assertThat(word.in("ab")).isTrue();
    assertThat(scan.matcher().start()).isEqualTo(4);
    assertThat(scan.next()).isFalse();
  }

  @Test
  void threadsShareAnExpression() throws Exception {
    Regex word = Regex.compile("\\b(?:deal|pact)s?\\b");
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 4; t++) {
      int seed = t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  Random random = new Random(seed);
                  for (int k = 0; k < 20_000; k++) {
                    String text = random.nextBoolean() ? "a deal was made" : "an ideal pact";
                    int from = random.nextInt(4);
                    boolean expected =
                        Pattern.compile(word.toString())
                            .matcher(text)
                            .region(from, text.length())
                            .find();
                    assertThat(word.in(text, from, text.length())).isEqualTo(expected);
                    assertThat(word.in(text)).isTrue();
                  }
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\\b(?:stake|series|seed)\\b",
        "\\b(?:rais(?:e|es|ed)|s_x|9a)",
        "\\b[a-c]\\w*",
        "\\b(?:in|into)\\b",
        "\\b(?:sé|t’s|x\u007f|a)" // second characters outside ASCII, DEL; one of one character
      })
  void wordStartsGiveWhatTheCharacterScanGives(String regex) {
    MatchStarts starts = MatchStarts.of(regex).get();
    Random random = new Random(7);
    String alphabet = "abcdeinorstx_9 ,.-é’\n\u007f";
    for (int k = 0; k < 2_000; k++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String string = text.toString();
      for (int from = 0; from <= length + 1; from++) {
        // a String is read by its word starts, another CharSequence character by character
        assertThat(starts.next(string, from))
            .as("%s from %d", string, from)
            .isEqualTo(starts.next(text, from));
      }
    }
  }

  @Test
  void firstStartIsWhereTheFirstMatchStarts() {
    Regex word = Regex.compile("\\b(?:deal|pact)s?\\b");
    Regex folded = Regex.compile("(?i)\\bdeals?\\b");
    String lower = "an ideal pact, deals";
    String written = "An ideal Pact, DEALS";
    for (int round = 0; round < 3; round++) { // texts in turn: each keeps its own word starts
      assertThat(word.firstStart(lower)).isEqualTo(9);
      assertThat(folded.firstStart(written)).isEqualTo(15);
      assertThat(word.firstStart(written)).isEqualTo(-1);
      assertThat(word.firstStart("deals")).isEqualTo(word.first("deals").get().start());
      assertThat(folded.firstStart(lower)).isEqualTo(15);
    }
  }

  /** Every match of the fast search: start, end and groups. */
  private static List<String> matches(Regex regex, String text) {
    List<String> out = new ArrayList<>();
    Regex.Scan scan = regex.scan(text);
    while (scan.next()) {
      out.add(describe(scan.matcher()));
    }
    return out;
  }

  private static List<String> matches(String text, String regex) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      out.add(describe(m));
    }
    return out;
  }

  private static String describe(Matcher m) {
    StringBuilder s = new StringBuilder().append(m.start()).append('-').append(m.end());
    for (int g = 1; g <= m.groupCount(); g++) {
      s.append(' ').append(m.start(g)).append(':').append(m.end(g));
    }
    return s.toString();
  }
}
