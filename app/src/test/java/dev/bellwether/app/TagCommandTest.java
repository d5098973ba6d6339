package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagCommandTest {
  @TempDir Path dir;

  /** Runs {@code bellwether} with {@code stdin} as its standard input. */
  private static CliRun.Result execute(String stdin, String... args) {
    return CliRun.run(
        cli -> {
          TagCommand tag = CliRun.subcommand(cli, "tag");
          tag.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        },
        args);
  }

  @Test
  void writesCompaniesAndEventsInTheLabeledSetFormat() throws Exception {
    CliRun.Result result =
        execute(
            "{\"id\": \"a1\", \"text\": \"Anthropic raised $3.5 billion at a $61.5 billion"
                + " valuation, the company said on Monday.\"}\n",
            "tag");

    assertThat(result.code()).isZero();
    JsonNode line = result.jsonLines().get(0);
    assertThat(line.get("id").asText()).isEqualTo("a1");
    assertThat(line.get("companies")).extracting(JsonNode::asText).containsExactly("Anthropic");
    JsonNode event = line.get("events").get(0);
    assertThat(event.get("type").asText()).isEqualTo("FUNDING");
    assertThat(event.get("status").asText()).isIn("announced", "reported");
    assertThat(event.get("company").asText()).isEqualTo("Anthropic");
    assertThat(event.get("amount_usd").isNumber()).isTrue();
    assertThat(event.get("amount_usd").asDouble()).isEqualTo(3.5e9);
    assertThat(event.has("ended")).isFalse();
    assertThat(event.get("evidence").asText()).contains("Anthropic raised");
  }

  @Test
  void tagsTheTitleWithTheText() throws Exception {
    Path input = dir.resolve("news.jsonl");
    Files.writeString(
        input,
        "{\"id\": 7, \"title\": \"Nvidia teams up with Oracle\", \"text\": \"Details soon.\"}\n");

    CliRun.Result result = execute("", "tag", "--input", input.toString());

    assertThat(result.code()).isZero();

    JsonNode line = result.jsonLines().get(0);
    assertThat(line.get("id").asText()).isEqualTo("7");
    assertThat(line.get("companies")).extracting(JsonNode::asText).contains("Nvidia", "Oracle");
  }

  @Test
  void reportsABadLineAndGoesOn() throws Exception {
    CliRun.Result result =
        execute(
            "not json\n{\"id\": \"b\"}\n\n{\"text\": \"x\"}\n{\"id\": \"c\", \"text\": \"Nothing.\"}\n",
            "tag");

    assertThat(result.code()).isZero();
    List<JsonNode> lines = result.jsonLines();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0).get("error").asText()).startsWith("line 1 is not JSON");
    assertThat(lines.get(1).get("id").asText()).isEqualTo("b");
    assertThat(lines.get(1).get("error").asText()).isEqualTo("line 2 has no \"text\" string.");
    assertThat(lines.get(2).get("error").asText()).isEqualTo("line 4 has no \"id\".");
    assertThat(lines.get(3).get("events")).isEmpty();
  }

  @Test
  void usesTheGivenKnowledgeBaseWithoutNeedingTheWatchlistsGroupsAndFindsOtherOrganizations()
      throws Exception {
    Path kb = dir.resolve("companies.yaml");
    Files.writeString(kb, "companies:\n  - name: Acme Robotics\n    aliases: [Acme]\n");

    CliRun.Result result =
        execute(
            "{\"id\": \"a\", \"text\": \"Acme partnered with Nvidia.\"}\n",
            "tag",
            "--companies",
            kb.toString());

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.jsonLines().get(0).get("companies"))
        .extracting(JsonNode::asText)
        .containsExactly("Acme Robotics", "Nvidia"); // Nvidia: an organization outside this file
  }

  @Test
  void reportsAMissingInputFileInOneSentence() {
    CliRun.Result result = execute("", "tag", "--input", dir.resolve("absent.jsonl").toString());

    assertThat(result.code()).isEqualTo(UserErrors.USER_ERROR);
    assertThat(result.err()).startsWith("bellwether: no such file: ").doesNotContain("Exception");
  }

  @Test
  void aCueFileWithoutARaiseTriggerNoLongerReadsRaises() throws Exception {
    String builtIn = execute("", "tag", "--show-cues").out();
    assertThat(builtIn).contains("funding:", "rais*,");
    Path cues = dir.resolve("cues.yaml");
    Files.writeString(cues, builtIn.replace("rais*,", "raisx*,"));

    CliRun.Result result =
        execute(
            "{\"id\": \"a\", \"text\": \"Anthropic raised $3.5 billion on Monday.\"}\n",
            "tag",
            "--model",
            "none", // the rules alone: the learned model would still read the raise
            "--cues",
            cues.toString());

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.jsonLines().get(0).get("companies"))
        .extracting(JsonNode::asText)
        .contains("Anthropic");
    assertThat(result.jsonLines().get(0).get("events")).isEmpty();
  }

  @Test
  void refusesABrokenCueFileListingEveryProblemWithItsLine() throws Exception {
    String broken =
        execute("", "tag", "--show-cues")
            .out()
            .replace("    raise:\n", "    rise:\n") // an unknown name, so raise is missing too
            .replace("'\\b(?:in|into)\\b'", "'\\b(?:in|into\\b'") // does not compile
            .replace("rais*,", "raise-s,"); // not one word
    Path cues = dir.resolve("broken.yaml");
    Files.writeString(cues, broken);

    CliRun.Result result = execute("", "tag", "--cues", cues.toString());

    assertThat(result.code()).isEqualTo(UserErrors.USER_ERROR);
    assertThat(result.err())
        .contains("broken.yaml:")
        .contains("pattern 'rise' is not used by funding")
        .contains("funding is missing pattern 'raise'")
        .contains("funding.into is not a valid regular expression")
        .contains("trigger 'raise-s' must be one word")
        .doesNotContain("Exception");
  }
}
