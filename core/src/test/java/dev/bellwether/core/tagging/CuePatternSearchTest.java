package dev.bellwether.core.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellwether.core.text.Regex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Every pattern of the built-in cue book finds, with the search that skips positions where no match
 * can begin, exactly the matches {@link java.util.regex.Pattern} finds, and answers as it does on
 * ranges of the text: on sentences written here, and on every text of the labeled development set
 * (as written and lower-cased).
 */
class CuePatternSearchTest {
  private static final Path GOLD = Path.of("../../shared/eval/events-dev.jsonl");

  private static final List<String> SENTENCES =
      List.of(
          "OpenAI raised $6.6 billion at a $157 billion valuation, led by Thrive Capital.",
          "The U.S. Commerce Department added Huawei’s units to the Entity List on Tuesday.",
          "Microsoft-backed OpenAI is in talks to raise funds, people familiar said.",
          "A partner at Sequoia said the firm would not invest; xAI is not raising capital.",
          "Nvidia's H20 and A100 chips—and MI308X accelerators—face new licence rules.",
          "Anthropic and Google teamed up; the pact ends a 3-year tie-up with an unnamed bank.",
          "¿Qué? Alibaba’s Qwen lands in Apple’s iPhone in China (¥2 billion, ₹1,200 crore).",
          "Roche Holding's $1.9B takeover of Foo Inc. closed; it was acquired by Bar Corp.",
          "_x_ 12 ab-cd e.g. U.K. u.s. “quoted” – dashes — and … ellipses");

  private final CueBook book = CueBook.builtIn();

  @Test
  void everyPatternFindsWhatJavaRegexFindsInWrittenSentences() {
    for (String s : SENTENCES) {
      assertSameMatches(s);
      assertSameMatches(s.toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void everyPatternFindsWhatJavaRegexFindsOnTheDevelopmentSet() throws IOException {
    assumeTrue(Files.isReadable(GOLD), "skipped: " + GOLD + " is absent (no ../shared checkout)");
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(GOLD, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        String text = json.readTree(line).get("text").asText();
        assertSameMatches(text);
        assertSameMatches(text.toLowerCase(Locale.ROOT));
      }
    }
  }

  @Test
  void nearlyEveryPatternIsSearchedOnlyWhereAMatchCanBegin() {
    Map<String, Regex> all = book.everyPattern();
    long narrowed = all.values().stream().filter(Regex::isNarrowed).count();
    assertThat(narrowed)
        .as("patterns narrowed of %d", all.size())
        .isGreaterThan(all.size() * 9 / 10);
  }

  private void assertSameMatches(String text) {
    book.everyPattern()
        .forEach(
            (name, regex) -> {
              List<String> fast = new ArrayList<>();
              Regex.Scan scan = regex.scan(text);
              while (scan.next()) {
                fast.add(describe(scan.matcher()));
              }
              List<String> plain = new ArrayList<>();
              Matcher m = regex.pattern().matcher(text);
              while (m.find()) {
                plain.add(describe(m));
              }
              assertThat(fast).as("%s in \"%s\"", name, text).isEqualTo(plain);
              // ranges read as the whole text: starts and ends about a sixth of the text apart
              int step = Math.max(7, text.length() / 6);
              for (int from = 0; from < text.length(); from += step) {
                for (int to = from; to <= text.length(); to += step) {
                  assertThat(regex.in(text, from, to))
                      .as("%s in \"%s\"[%d, %d)", name, text, from, to)
                      .isEqualTo(regex.pattern().matcher(text).region(from, to).find());
                  assertThat(regex.startsIn(text, from, to))
                      .as("%s at the start of \"%s\"[%d, %d)", name, text, from, to)
                      .isEqualTo(regex.pattern().matcher(text).region(from, to).lookingAt());
                }
              }
            });
  }

  private static String describe(Matcher m) {
    StringBuilder s = new StringBuilder().append(m.start()).append('-').append(m.end());
    for (int g = 1; g <= m.groupCount(); g++) {
      s.append(' ').append(m.start(g)).append(':').append(m.end(g));
    }
    return s.toString();
  }
}
