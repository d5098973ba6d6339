package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class BellwetherCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine cli = Bellwether.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "ingest", "process", "fetch", "tail", "slack", "web"})
  void helpOfEverySubcommandTeachesWithExamples(String subcommand) {
    assertThat(execute(subcommand, "--help")).isZero();
    assertThat(out.toString()).contains("Usage: bellwether " + subcommand).contains("Examples:");
  }

  @Test
  void theDefaultSourcesFileLoads() {
    var file =
        dev.bellwether.ingest.source.SourcesFile.load(
            Path.of("..", "config", "sources.yaml"), java.util.Map.of());

    assertThat(file.sources()).hasSizeGreaterThan(10);
    assertThat(file.allowPrivate()).isFalse();
  }

  @Test
  void topLevelHelpShowsWhereToStart() {
    assertThat(execute("--help")).isZero();
    assertThat(out.toString()).contains("bellwether run --demo").contains("run").contains("tail");
  }

  @Test
  void refusesACommitIntervalOutsideItsRangeBeforeStartingAnything() {
    int code = execute("process", "--commit-interval", "2ms", "--http-port", "0");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--commit-interval: the commit interval must be between 10ms and 1m, not 2ms")
        .doesNotContain("Exception");
  }

  @Test
  void runRefusesACommitIntervalOutsideItsRangeBeforeStartingAnything() {
    int code =
        execute(
            "run",
            "--demo",
            "--commit-interval",
            "2m",
            "--data-dir",
            dir.resolve("data").toString(),
            "--http-port",
            "0");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "--commit-interval: the commit interval must be between 10ms and 1m, not 120000ms")
        .doesNotContain("Exception");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void refusesAMissingSourcesFileInOneSentence() {
    int code = execute("run", "--sources", dir.resolve("nope.yaml").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("no sources file at").doesNotContain("Exception");
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

    int code = execute("run", "--sources", file.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
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

    int code = execute("run", "--demo", "--watchlist", file.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
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

    int code =
        role.equals("run")
            ? execute("run", "--demo", "--cues", file.toString())
            : execute("process", "--bootstrap-servers", "127.0.0.1:1", "--cues", file.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("cues.yaml:2: funding needs 'patterns'")
        .contains("missing section 'export-control'")
        .doesNotContain("Exception");
  }

  @Test
  void refusesAnUnknownTopicNamingTheKnownOnes() {
    int code = execute("tail", "--topic", "gossip");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown topic 'gossip'").contains("alerts");
  }

  @Test
  void refusesDemoAndSourcesTogether() {
    assertThat(execute("run", "--demo", "--sources", "x.yaml")).isEqualTo(2);
    assertThat(err.toString()).contains("mutually exclusive");
  }

  @Test
  void theDashboardListensOnLoopbackUnlessToldOtherwise() {
    CommandLine cli = Bellwether.commandLine();
    for (String role : List.of("run", "web")) {
      CommandLine.ParseResult parsed = cli.parseArgs(role);
      CommandLine sub = parsed.subcommand().commandSpec().commandLine();
      String host = sub.getCommandSpec().findOption("--http-host").getValue();
      assertThat(host)
          .as(role)
          .isEqualTo(System.getenv().getOrDefault("BELLWETHER_HTTP_HOST", "127.0.0.1"));
      assertThat((Integer) sub.getCommandSpec().findOption("--http-port").getValue())
          .as(role)
          .isEqualTo(
              Integer.parseInt(System.getenv().getOrDefault("BELLWETHER_HTTP_PORT", "8080")));
      cli = Bellwether.commandLine();
    }
  }

  @Test
  void refusesADashboardSizeOutOfRange() {
    assertThat(execute("web", "--dashboard-alerts", "0", "--http-port", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--dashboard-alerts must be between 1 and 1000000");
  }
}
