package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TagCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String stdin, String... args) {
    CommandLine cli = Bellwether.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    TagCommand tag = cli.getSubcommands().get("tag").getCommand();
    tag.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    return cli.execute(args);
  }

  private List<JsonNode> lines() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\\R")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  @Test
  void writesCompaniesAndEventsInTheLabeledSetFormat() throws Exception {
    int code =
        execute(
            "{\"id\": \"a1\", \"text\": \"Anthropic raised $3.5 billion at a $61.5 billion"
                + " valuation, the company said on Monday.\"}\n",
            "tag");

    assertThat(code).isZero();
    JsonNode line = lines().get(0);
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

    assertThat(execute("", "tag", "--input", input.toString())).isZero();

    JsonNode line = lines().get(0);
    assertThat(line.get("id").asText()).isEqualTo("7");
    assertThat(line.get("companies")).extracting(JsonNode::asText).contains("Nvidia", "Oracle");
  }

  @Test
  void reportsABadLineAndGoesOn() throws Exception {
    int code =
        execute(
            "not json\n{\"id\": \"b\"}\n\n{\"text\": \"x\"}\n{\"id\": \"c\", \"text\": \"Nothing.\"}\n",
            "tag");

    assertThat(code).isZero();
    List<JsonNode> lines = lines();
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

    int code =
        execute(
            "{\"id\": \"a\", \"text\": \"Acme partnered with Nvidia.\"}\n",
            "tag",
            "--companies",
            kb.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(lines().get(0).get("companies"))
        .extracting(JsonNode::asText)
        .containsExactly("Acme Robotics", "Nvidia"); // Nvidia: an organization outside this file
  }

  @Test
  void reportsAMissingInputFileInOneSentence() {
    int code = execute("", "tag", "--input", dir.resolve("absent.jsonl").toString());

    assertThat(code).isEqualTo(UserErrors.USER_ERROR);
    assertThat(err.toString()).startsWith("bellwether: no such file: ").doesNotContain("Exception");
  }

  @Test
  void aCueFileWithoutARaiseTriggerNoLongerReadsRaises() throws Exception {
    execute("", "tag", "--show-cues");
    String builtIn = out.toString();
    assertThat(builtIn).contains("funding:", "rais*,");
    out.getBuffer().setLength(0);
    Path cues = dir.resolve("cues.yaml");
    Files.writeString(cues, builtIn.replace("rais*,", "raisx*,"));

    int code =
        execute(
            "{\"id\": \"a\", \"text\": \"Anthropic raised $3.5 billion on Monday.\"}\n",
            "tag",
            "--model",
            "none", // the rules alone: the learned model would still read the raise
            "--cues",
            cues.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(lines().get(0).get("companies")).extracting(JsonNode::asText).contains("Anthropic");
    assertThat(lines().get(0).get("events")).isEmpty();
  }

  @Test
  void refusesABrokenCueFileListingEveryProblemWithItsLine() throws Exception {
    execute("", "tag", "--show-cues");
    String broken =
        out.toString()
            .replace("    raise:\n", "    rise:\n") // an unknown name, so raise is missing too
            .replace("'\\b(?:in|into)\\b'", "'\\b(?:in|into\\b'") // does not compile
            .replace("rais*,", "raise-s,"); // not one word
    out.getBuffer().setLength(0);
    Path cues = dir.resolve("broken.yaml");
    Files.writeString(cues, broken);

    int code = execute("", "tag", "--cues", cues.toString());

    assertThat(code).isEqualTo(UserErrors.USER_ERROR);
    assertThat(err.toString())
        .contains("broken.yaml:")
        .contains("pattern 'rise' is not used by funding")
        .contains("funding is missing pattern 'raise'")
        .contains("funding.into is not a valid regular expression")
        .contains("trigger 'raise-s' must be one word")
        .doesNotContain("Exception");
  }
}
