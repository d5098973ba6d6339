package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertKind;
import dev.bellwether.schemas.avro.AlertSource;
import dev.bellwether.schemas.avro.EventStatus;
import dev.bellwether.schemas.avro.EventType;
import dev.bellwether.schemas.avro.Evidence;
import dev.bellwether.schemas.avro.Severity;
import dev.bellwether.schemas.json.AlertJsonLines;
import dev.bellwether.schemas.json.JsonLines;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** Runs {@code bellwether} with {@code env} as the environment the slack command sees. */
  private static CliRun.Result execute(Map<String, String> env, String... args) {
    return CliRun.run(cli -> CliRun.<SlackCommand>subcommand(cli, "slack").env = env, args);
  }

  private static Alert alert(String id, String ruleId) {
    BellwetherSerdes.alert(); // trusts the Avro package
    Instant t = Instant.parse("2026-03-02T14:05:00Z");
    return Alert.newBuilder()
        .setId(id)
        .setStoryId(id + "-story")
        .setKind(AlertKind.NEW)
        .setEventType(EventType.FUNDING)
        .setStatus(EventStatus.ANNOUNCED)
        .setCompanies(List.of("Anthropic"))
        .setHeadline("Anthropic raises $30 billion <b>")
        .setSummary("")
        .setFacts(Map.of("amount_usd", "30000000000"))
        .setEvidence(new Evidence("raises $30 billion", 0, 18))
        .setSources(List.of(new AlertSource("Reuters", "https://reuters.example/a", t)))
        .setFirstSeen(t)
        .setSeverity(Severity.HIGH)
        .setRuleId(ruleId)
        .setReason("first report")
        .build();
  }

  @Test
  void dryRunPrintsBlockKitAndWhereEachAlertWouldGo() throws Exception {
    Path file = dir.resolve("alerts.jsonl");
    Files.writeString(
        file,
        JsonLines.line(alert("a1", "frontier-labs-all"))
            + "\n\n"
            + JsonLines.line(alert("a2", "no-such-rule"))
            + "\n");

    CliRun.Result result =
        execute(
            Map.of("BELLWETHER_SLACK_CHANNELS", "deals=#ai-deals"),
            "slack",
            "--dry-run",
            "--alerts",
            file.toString());

    assertThat(result.code()).as(result.err()).isZero();
    String[] lines = result.out().split("\\R");
    assertThat(lines[0]).isEqualTo("# alert a1 (NEW, story a1-story) → #ai-deals: route deals");
    JsonNode message = JSON.readTree(lines[1]);
    assertThat(message.get("blocks").get(0).get("type").asText()).isEqualTo("header");
    assertThat(message.get("text").asText()).contains("&lt;b&gt;").contains("Amount: $30B");
    assertThat(lines[2]).startsWith("# alert a2").contains("dropped: rule 'no-such-rule'");
  }

  @Test
  void alertJsonLinesReadBackWhatTailWrites() {
    Alert alert = alert("a1", "r");

    assertThat(AlertJsonLines.parse(JsonLines.line(alert))).isEqualTo(alert);
  }

  @Test
  void withoutTokenOrWebhookItSaysWhatToSet() {
    CliRun.Result result = execute(Map.of(), "slack", "--bootstrap-servers", "127.0.0.1:1");

    assertThat(result.code()).isEqualTo(UserErrors.USER_ERROR);
    assertThat(result.err()).contains("set SLACK_BOT_TOKEN").doesNotContain("Exception");
  }

  @Test
  void badSettingsAreOneSentenceEach() {
    CliRun.Result result =
        execute(
            Map.of("SLACK_BOT_TOKEN", "xoxb-secret", "BELLWETHER_SLACK_CHANNELS", "deals"),
            "slack",
            "--dry-run",
            "--alerts",
            dir.resolve("none.jsonl").toString());

    assertThat(result.code()).isEqualTo(UserErrors.USER_ERROR);
    assertThat(result.err()).contains("'deals' is not route=channel").doesNotContain("xoxb");
  }
}
