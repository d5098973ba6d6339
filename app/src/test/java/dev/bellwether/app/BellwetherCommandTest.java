package dev.bellwether.app;

import static dev.bellwether.app.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class BellwetherCommandTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"run", "ingest", "process", "fetch", "tail", "slack", "web"})
  void helpOfEverySubcommandTeachesWithExamples(String subcommand) {
    CliRun.Result result = run(subcommand, "--help");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("Usage: bellwether " + subcommand).contains("Examples:");
  }

  @Test
  void theDefaultSourcesFileLoadsWithItsEdgarSourcesOffUntilTheUserAgentIsSet() {
    Path defaults = Path.of("..", "config", "sources.yaml");
    var off = dev.bellwether.ingest.source.SourcesFile.load(defaults, java.util.Map.of());
    var on =
        dev.bellwether.ingest.source.SourcesFile.load(
            defaults,
            java.util.Map.of(
                dev.bellwether.ingest.source.SourcesFile.EDGAR_USER_AGENT_VARIABLE,
                "Bellwether tests ops@example.com"));

    assertThat(off.sources()).hasSizeGreaterThan(10).noneMatch(s -> s.type().equals("edgar"));
    assertThat(off.off()).isNotEmpty().allMatch(o -> o.type().equals("edgar"));
    assertThat(on.off()).isEmpty();
    assertThat(on.sources()).hasSize(off.sources().size() + off.off().size());
    assertThat(on.allowPrivate()).isFalse();
  }

  @Test
  void topLevelHelpShowsWhereToStart() {
    CliRun.Result result = run("--help");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("bellwether run --demo").contains("run").contains("tail");
  }

  @Test
  void refusesACommitIntervalOutsideItsRangeBeforeStartingAnything() {
    CliRun.Result result = run("process", "--commit-interval", "2ms", "--http-port", "0");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains("--commit-interval: the commit interval must be between 10ms and 1m, not 2ms")
        .doesNotContain("Exception");
  }

  @Test
  void runRefusesACommitIntervalOutsideItsRangeBeforeStartingAnything() {
    CliRun.Result result =
        run(
            "run",
            "--demo",
            "--commit-interval",
            "2m",
            "--data-dir",
            dir.resolve("data").toString(),
            "--http-port",
            "0");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "--commit-interval: the commit interval must be between 10ms and 1m, not 120000ms")
        .doesNotContain("Exception");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void refusesAMissingSourcesFileInOneSentence() {
    CliRun.Result result = run("run", "--sources", dir.resolve("nope.yaml").toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("no sources file at").doesNotContain("Exception");
  }

  @Test
  void listsEveryProblemOfABadSourcesFile() throws Exception {
    Path file = dir.resolve("sources.yaml");
    Files.writeString(
        file,
        """
        sources:
          - id: a
            url: https://example.com/a
          - id: a
            url: https://example.com/feed
          - id: b
            url: ftp://example.com/feed
            interval: often
        """);

    CliRun.Result result = run("run", "--sources", file.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains("sources.yaml:4")
        .contains("sources.yaml:7")
        .contains("sources.yaml:8")
        .doesNotContain("Exception");
  }

  @Test
  void refusesAWatchlistWithUnknownCompaniesListingEachWithItsLine() throws Exception {
    Path file = dir.resolve("watchlist.yaml");
    Files.writeString(
        file,
        """
        version: 2
        rules:
          - id: deals
            companies: [OpenAl]
            events: [FUNDING, MERGER]
            severity: HIGH
            route: deals
        """);

    CliRun.Result result = run("run", "--demo", "--watchlist", file.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains("watchlist.yaml:4")
        .contains("OpenAl")
        .contains("watchlist.yaml:5")
        .contains("MERGER")
        .doesNotContain("Exception");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "process"})
  void refusesABrokenCuesFileBeforeStarting(String role) throws Exception {
    Path file = dir.resolve("cues.yaml");
    Files.writeString(file, "funding:\n  triggers: [rais*]\n");

    CliRun.Result result =
        role.equals("run")
            ? run("run", "--demo", "--cues", file.toString())
            : run("process", "--bootstrap-servers", "127.0.0.1:1", "--cues", file.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains("cues.yaml:2: funding needs 'patterns'")
        .contains("missing section 'export-control'")
        .doesNotContain("Exception");
  }

  @Test
  void refusesAnUnknownTopicNamingTheKnownOnes() {
    CliRun.Result result = run("tail", "--topic", "gossip");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("unknown topic 'gossip'").contains("alerts");
  }

  @Test
  void refusesDemoAndSourcesTogether() {
    CliRun.Result result = run("run", "--demo", "--sources", "x.yaml");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("mutually exclusive");
  }

  @Test
  void theDashboardListensOnLoopbackUnlessToldOtherwise() {
    CommandLine cli = Bellwether.commandLine(Map.of());
    for (String role : List.of("run", "web")) {
      CommandLine.ParseResult parsed = cli.parseArgs(role);
      CommandLine sub = parsed.subcommand().commandSpec().commandLine();
      String host = sub.getCommandSpec().findOption("--http-host").getValue();
      assertThat(host).as(role).isEqualTo("127.0.0.1");
      assertThat((Integer) sub.getCommandSpec().findOption("--http-port").getValue())
          .as(role)
          .isEqualTo(8080);
      cli = Bellwether.commandLine(Map.of());
    }
  }

  @Test
  void refusesADashboardSizeOutOfRange() {
    CliRun.Result result = run("web", "--dashboard-alerts", "0", "--http-port", "0");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--dashboard-alerts must be between 1 and 1000000");
  }
}
