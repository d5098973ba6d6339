package dev.bellwether.app;

import static dev.bellwether.app.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bellwether replay} over the story corpus written for this project (core's test data: 11
 * stories, each told by 3 to 6 outlets, and look-alikes that are other stories).
 */
class ReplayCommandTest {
  private static final Path CORPUS =
      Path.of("../core/src/test/resources/dev/bellwether/core/story/stories.jsonl");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void everyStoryOfTheCorpusGivesOneNewAndAnUpdatePerFurtherSource() throws Exception {
    Map<String, String> storyOfUrl = new HashMap<>();
    Set<String> stories = new HashSet<>();
    for (String line : Files.readAllLines(CORPUS, StandardCharsets.UTF_8)) {
      JsonNode n = JSON.readTree(line);
      storyOfUrl.put(n.get("url").asText(), n.get("story").asText());
      stories.add(n.get("story").asText());
    }

    CliRun.Result result = run("replay", "--articles", CORPUS.toString(), "--json");

    assertThat(result.code()).isZero();
    List<JsonNode> alerts = result.jsonLines();
    Map<String, String> goldOfStory = new HashMap<>();
    Map<String, Integer> newAlerts = new HashMap<>();
    for (JsonNode a : alerts) {
      String gold = storyOfUrl.get(a.get("sources").get(0).get("url").asText());
      String previous = goldOfStory.putIfAbsent(a.get("storyId").asText(), gold);
      assertThat(previous == null || previous.equals(gold))
          .as("story %s mixes gold stories", a.get("storyId"))
          .isTrue();
      if (a.get("kind").asText().equals("NEW")) {
        newAlerts.merge(gold, 1, Integer::sum);
      }
    }
    assertThat(newAlerts.keySet()).containsExactlyInAnyOrderElementsOf(stories);
    assertThat(newAlerts.values()).containsOnly(1);
    assertThat(alerts).hasSize(storyOfUrl.size()); // one NEW or UPDATE per article
    assertThat(result.err()).contains(storyOfUrl.size() + " articles");
  }

  @Test
  void diffRulesShowsWhatARaisedMinimumAmountRemoves() throws Exception {
    Path all = dir.resolve("all.yaml");
    Files.writeString(
        all,
        "version: 1\nrules:\n  - {id: funding, events: [FUNDING], severity: HIGH, route: deals}\n");
    Path big = dir.resolve("big.yaml");
    Files.writeString(
        big,
        "version: 2\nrules:\n  - {id: funding, events: [FUNDING], min-amount-usd: 20B,"
            + " severity: HIGH, route: deals}\n");

    CliRun.Result result =
        run(
            "replay",
            "--articles",
            CORPUS.toString(),
            "--rules",
            big.toString(),
            "--diff-rules",
            all.toString());

    assertThat(result.code()).isZero();
    String diff = result.out();
    // the $10B and $2B rounds and others under $20B no longer alert; the $40B round still does
    assertThat(diff).contains("- ").contains("$10B").contains("$2B").doesNotContain("+ ");
    assertThat(diff).doesNotContain("$40B");
    assertThat(result.err()).contains("differ");
  }

  @Test
  void refusesAFileWithBadLinesNamingEachOne() throws Exception {
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(
        bad,
        "{\"id\":\"1\",\"url\":\"https://a.example/1\",\"text\":\"x\",\"published\":\"yesterday\"}\n"
            + "not json\n"
            + "{\"id\":\"3\",\"text\":\"x\",\"published\":\"2026-11-20T08:00:00Z\"}\n");

    CliRun.Result result = run("replay", "--articles", bad.toString());

    assertThat(result.code()).isNotZero();
    assertThat(result.err())
        .contains("bad.jsonl:1:")
        .contains("ISO-8601")
        .contains("bad.jsonl:2:")
        .contains("bad.jsonl:3:")
        .contains("\"url\"");
  }
}
