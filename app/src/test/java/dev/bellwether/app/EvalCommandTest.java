package dev.bellwether.app;

import static dev.bellwether.app.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellwether.app.console.LabeledJson;
import dev.bellwether.core.eval.LabeledItem;
import dev.bellwether.core.eval.Scorecard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  private static final Path SHARED = Path.of("../../shared");
  private static final Path GOLD = SHARED.resolve("eval/events-dev.jsonl");
  private static final Path SCORER = SHARED.resolve("tools/score_events.py");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SMALL_GOLD =
      "{\"id\": \"g1\", \"text\": \"Anthropic raised $3.5 billion, the company said.\","
          + " \"companies\": [\"Anthropic\"], \"events\": [{\"type\": \"FUNDING\","
          + " \"status\": \"announced\", \"company\": \"Anthropic\", \"amount_usd\": 3500000000}]}\n"
          + "{\"id\": \"g2\", \"text\": \"Oracle opened an office.\", \"companies\": [\"Oracle\"],"
          + " \"events\": [{\"type\": \"IPO\", \"status\": \"reported\", \"company\": \"Oracle\"}]}\n";

  @TempDir Path dir;

  @Test
  void printsScoresAndMisses() throws Exception {
    Path gold = Files.writeString(dir.resolve("gold.jsonl"), SMALL_GOLD);

    CliRun.Result result = run("eval", "--gold", gold.toString());

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains("items: 2 gold, 2 predicted")
        .containsPattern("FUNDING\\s+1\\.000\\s+1\\.000\\s+1\\.000\\s+1\\s+0\\s+0")
        .contains("amount_usd       1/1 = 1.000")
        .contains("  g2 missed IPO: Oracle opened an office.")
        .doesNotContain("company misses:")
        .contains("summary: core-F1 1.000 micro-F1 0.667");
  }

  @Test
  void checkTriggersFindsAPhrasingWhoseTriggerWordIsMissing() throws Exception {
    Path gold = Files.writeString(dir.resolve("gold.jsonl"), SMALL_GOLD);
    String builtIn = run("tag", "--show-cues").out();

    CliRun.Result unchanged = run("eval", "--gold", gold.toString(), "--check-triggers");
    assertThat(unchanged.code()).isZero();
    assertThat(unchanged.out()).contains("triggers: 0 of 2 texts tag differently");

    // "raised" is still read by the raise pattern, but no funding trigger names it any more
    Path cues = Files.writeString(dir.resolve("cues.yaml"), builtIn.replace("rais*,", "raisx*,"));

    CliRun.Result result =
        run("eval", "--gold", gold.toString(), "--cues", cues.toString(), "--check-triggers");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out())
        .contains("triggers: 1 of 2 texts tag differently")
        .contains("  g1: FUNDING without triggers, no event with them");
  }

  @Test
  void exitsWithOneBelowTheMinimumCoreF1() throws Exception {
    String missed = SMALL_GOLD.replace("Anthropic raised $3.5 billion", "Anthropic opened a shop");
    Path gold = Files.writeString(dir.resolve("gold.jsonl"), missed);

    assertThat(run("eval", "--gold", gold.toString(), "--min-core-f1", "0.5").code()).isEqualTo(1);
  }

  @Test
  void namesTheFileAndLineOfABadGoldLine() throws Exception {
    Path gold = Files.writeString(dir.resolve("gold.jsonl"), SMALL_GOLD + "{\"text\": 1}\n");

    CliRun.Result result = run("eval", "--gold", gold.toString());

    assertThat(result.code()).isEqualTo(UserErrors.USER_ERROR);
    assertThat(result.err()).contains("gold.jsonl:3: not a JSON object with an \"id\"");
  }

  /**
   * Tags the shared development set with {@code bellwether tag}, scores the output with the Python
   * scorer and with {@link Scorecard}, and compares every number the scorer prints.
   */
  @Test
  void agreesWithThePythonScorerOnTheDevelopmentSet() throws Exception {
    assumeTrue(Files.isReadable(GOLD), "skipped: " + GOLD + " is absent (no ../shared checkout)");
    assumeTrue(python3Works(), "skipped: python3 is not available");
    Path pred = dir.resolve("pred.jsonl");
    CliRun.Result tagged = run("tag", "--input", GOLD.toString());
    assertThat(tagged.code()).isZero();
    Files.writeString(pred, tagged.out());

    Map<String, String> python = pythonScores(pred);
    Scorecard s = Scorecard.score(read(GOLD), read(pred));

    for (String type : Scorecard.TYPES) {
      Scorecard.Counts c = s.type(type);
      assertThat(python.get(type)).as(type).isEqualTo(c.tp() + " " + c.fp() + " " + c.fn());
    }
    assertThat(Double.parseDouble(python.get("core"))).isCloseTo(s.core().f1(), within(5e-4));
    assertThat(Double.parseDouble(python.get("micro"))).isCloseTo(s.micro().f1(), within(5e-4));
    assertThat(Double.parseDouble(python.get("companies")))
        .isCloseTo(s.companies().f1(), within(5e-4));
    assertThat(Double.parseDouble(python.get("fields"))).isCloseTo(s.fieldAccuracy(), within(5e-4));
    s.checks()
        .forEach(
            (name, c) ->
                assertThat(python.get("check " + name))
                    .as(name)
                    .isEqualTo(c.right() + "/" + c.asked()));
    assertThat(python.keySet().stream().filter(k -> k.startsWith("check ")))
        .hasSize(s.checks().size());
  }

  private static List<LabeledItem> read(Path file) throws IOException {
    List<LabeledItem> items = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        items.add(LabeledJson.item(JSON.readTree(line)));
      }
    }
    return items;
  }

  private static boolean python3Works() {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The numbers score_events.py prints, by type, check name and summary measure. */
  private static Map<String, String> pythonScores(Path pred) throws Exception {
    Process p =
        new ProcessBuilder(
                "python3", SCORER.toString(), "--gold", GOLD.toString(), "--pred", pred.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    Map<String, String> scores = new HashMap<>();
    Pattern type =
        Pattern.compile(
            "^([A-Z_]+)\\s+[\\d.]+\\s+[\\d.]+\\s+[\\d.]+\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)$");
    Pattern check = Pattern.compile("^([a-z_]+)\\s+(\\d+/\\d+) = [\\d.]+$");
    Pattern summary =
        Pattern.compile(
            "^summary: core-F1 ([\\d.]+) micro-F1 ([\\d.]+) companies-F1 ([\\d.]+) fields ([\\d.]+)");
    for (String line : output.split("\\R")) {
      Matcher m;
      if ((m = type.matcher(line)).find()) {
        scores.put(m.group(1), m.group(2) + " " + m.group(3) + " " + m.group(4));
      } else if ((m = check.matcher(line)).find()) {
        scores.put("check " + m.group(1), m.group(2));
      } else if ((m = summary.matcher(line)).find()) {
        scores.put("core", m.group(1));
        scores.put("micro", m.group(2));
        scores.put("companies", m.group(3));
        scores.put("fields", m.group(4));
      }
    }
    return scores;
  }
}
