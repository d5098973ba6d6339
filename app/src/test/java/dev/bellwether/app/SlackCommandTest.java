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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SlackCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(Map<String, String> env, String... args) {
    CommandLine cli = Bellwether.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    SlackCommand slack = cli.getSubcommands().get("slack").getCommand();
    slack.env = env;
    return cli.execute(args);
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

    int code =
        execute(
            Map.of("BELLWETHER_SLACK_CHANNELS", "deals=#ai-deals"),
            "slack",
            "--dry-run",
            "--alerts",
            file.toString());

    assertThat(code).as(err.toString()).isZero();
    String[] lines = out.toString().split("\\R");
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
    int code = execute(Map.of(), "slack", "--bootstrap-servers", "127.0.0.1:1");

    assertThat(code).isEqualTo(UserErrors.USER_ERROR);
    assertThat(err.toString()).contains("set SLACK_BOT_TOKEN").doesNotContain("Exception");
  }

  @Test
  void badSettingsAreOneSentenceEach() {
    int code =
        execute(
            Map.of("SLACK_BOT_TOKEN", "xoxb-secret", "BELLWETHER_SLACK_CHANNELS", "deals"),
            "slack",
            "--dry-run",
            "--alerts",
            dir.resolve("none.jsonl").toString());

    assertThat(code).isEqualTo(UserErrors.USER_ERROR);
    assertThat(err.toString()).contains("'deals' is not route=channel").doesNotContain("xoxb");
  }
}
