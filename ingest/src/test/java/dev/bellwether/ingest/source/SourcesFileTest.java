package dev.bellwether.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesFileTest {
  private static String fixture(String name) throws IOException {
    try (var in = SourcesFileTest.class.getResourceAsStream("/fixtures/sources/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void readsSourcesWithDefaultsAndSubstitutedVariables() throws IOException {
    SourcesFile file =
        SourcesFile.parse(fixture("sources.yaml"), "sources.yaml", Map.of("FEED_TOKEN", "s3cret"));

    assertThat(file.allowPrivate()).isFalse();
    assertThat(file.sources())
        .containsExactly(
            new SourceDefinition(
                "frontier-wire",
                "rss",
                "Frontier Wire",
                URI.create("https://frontier.example/feed.xml?token=s3cret"),
                Duration.ofMinutes(10),
                false),
            new SourceDefinition(
                "makers-weekly",
                "rss",
                "makers-weekly",
                URI.create("https://makers.example/atom.xml"),
                Duration.ofMinutes(15),
                false));
  }

  @Test
  void reportsEveryProblemWithItsLine() throws IOException {
    String yaml = fixture("problems.yaml");

    assertThatThrownBy(() -> SourcesFile.parse(yaml, "problems.yaml", Map.of()))
        .isInstanceOf(SourcesException.class)
        .extracting(e -> ((SourcesException) e).problems(), LIST)
        .containsExactlyInAnyOrder(
            "problems.yaml:2: source on line 2 has no id",
            "problems.yaml:4: source 'no-url' has no url",
            "problems.yaml:7: duplicate source id 'dupe' (first defined on line 5)",
            "problems.yaml:10: source 'ftp': url 'ftp://d.example/feed' must be an absolute http"
                + " or https URL",
            "problems.yaml:13: source 'slow': interval '5 minutes' is not a duration like 30s, 10m,"
                + " 1h or 1d",
            "problems.yaml:15: source 'json': unknown type 'jsonfeed'; this version supports"
                + " [edgar, federal-register, html, rss]",
            "problems.yaml:19: unknown key 'colour' in an rss source; known: [allow-private, id,"
                + " interval, max-interval, min-interval, name, type, url]",
            "problems.yaml:21: unknown variable ${MISSING_KEY}",
            "problems.yaml:24: source 'fast': interval '10s' is shorter than the minimum, 30s",
            "problems.yaml:26: 'network.allow-private' must be true or false, not 'maybe'");
  }

  @Test
  void messageListsEveryProblem() {
    String yaml = "sources:\n  - id: a\n  - url: https://x.example/\n";

    assertThatThrownBy(() -> SourcesFile.parse(yaml, "s.yaml", Map.of()))
        .hasMessageContaining("s.yaml has 2 problems")
        .hasMessageContaining("s.yaml:2: source 'a' has no url")
        .hasMessageContaining("s.yaml:3: source on line 3 has no id");
  }

  @Test
  void refusesLoopbackAndPrivateLiteralsUnlessAllowed() {
    String yaml =
        "sources:\n"
            + "  - {id: local, url: 'http://localhost:8080/feed'}\n"
            + "  - {id: lan, url: 'http://192.168.1.10/feed'}\n"
            + "  - {id: v6, url: 'http://[::1]/feed'}\n";

    assertThatThrownBy(() -> SourcesFile.parse(yaml, "s.yaml", Map.of()))
        .extracting(e -> ((SourcesException) e).problems(), LIST)
        .hasSize(3)
        .allSatisfy(p -> assertThat((String) p).contains("loopback or private address"));
    SourcesFile allowed =
        SourcesFile.parse(yaml + "network:\n  allow-private: true\n", "s.yaml", Map.of());
    assertThat(allowed.sources()).hasSize(3).allMatch(SourceDefinition::allowPrivate);
  }

  @Test
  void aSourceMayNarrowButNotWidenTheFilesPrivateAddressPermission() {
    String yaml =
        "network:\n  allow-private: true\n"
            + "sources:\n"
            + "  - {id: local, url: 'http://localhost:8080/feed'}\n"
            + "  - {id: public-only, url: 'https://news.example/feed', allow-private: false}\n";

    SourcesFile file = SourcesFile.parse(yaml, "s.yaml", Map.of());

    assertThat(file.sources())
        .extracting(SourceDefinition::id, SourceDefinition::allowPrivate)
        .containsExactly(tuple("local", true), tuple("public-only", false));
    String widening =
        "sources:\n  - {id: sneaky, url: 'https://news.example/feed', allow-private: true}\n";
    assertThatThrownBy(() -> SourcesFile.parse(widening, "w.yaml", Map.of()))
        .extracting(e -> ((SourcesException) e).problems(), LIST)
        .containsExactly(
            "w.yaml:2: source 'sneaky': allow-private: true needs network.allow-private: true"
                + " for the whole file");
  }

  @Test
  void aSourceThatRefusesPrivateAddressesCannotNameOne() {
    String yaml =
        "network:\n  allow-private: true\n"
            + "sources:\n  - {id: lan, url: 'http://192.168.1.10/feed', allow-private: false}\n";

    assertThatThrownBy(() -> SourcesFile.parse(yaml, "s.yaml", Map.of()))
        .hasMessageContaining("points to a loopback or private address");
  }

  @Test
  void reportsUnknownTopLevelKeysAndMissingSources() {
    assertThatThrownBy(() -> SourcesFile.parse("feeds: []\n", "s.yaml", Map.of()))
        .extracting(e -> ((SourcesException) e).problems(), LIST)
        .containsExactly(
            "s.yaml:1: unknown key 'feeds' in the file; known: [edgar, network, sources]",
            "s.yaml:1: missing 'sources': expected a list of sources");
  }

  @Test
  void reportsInvalidYamlWithItsLine() {
    assertThatThrownBy(() -> SourcesFile.parse("sources:\n  - id: [unclosed\n", "s.yaml", Map.of()))
        .isInstanceOf(SourcesException.class)
        .hasMessageContaining("s.yaml:3: not valid YAML");
  }

  @Test
  void reportsAnEmptyFile() {
    assertThatThrownBy(() -> SourcesFile.parse("# nothing\n", "s.yaml", Map.of()))
        .hasMessageContaining("s.yaml:1: the file is empty");
  }

  @Test
  void parsesEveryIntervalUnit() {
    assertThat(SourcesFileReader.parseInterval("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(SourcesFileReader.parseInterval("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(SourcesFileReader.parseInterval("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(SourcesFileReader.parseInterval("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(SourcesFileReader.parseInterval("1w")).isNull();
    assertThat(SourcesFileReader.parseInterval("-5m")).isNull();
  }

  @Test
  void loadsAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sources.yaml");
    Files.writeString(file, "sources:\n  - id: a\n    url: https://a.example/feed\n");

    assertThat(SourcesFile.load(file, Map.of()).sources())
        .extracting(SourceDefinition::id)
        .containsExactly("a");
    assertThat(SourcesFile.load(file, Map.of()).find("a")).isPresent();
  }

  @Test
  void reportsAFileThatCannotBeRead(@TempDir Path dir) {
    Path missing = dir.resolve("missing.yaml");

    assertThatThrownBy(() -> SourcesFile.load(missing, Map.of()))
        .isInstanceOf(SourcesException.class)
        .extracting(e -> ((SourcesException) e).problems(), LIST)
        .singleElement()
        .asString()
        .contains("cannot read the sources file");
  }

  @Test
  void roundTripsThroughAvro() {
    SourceDefinition definition =
        new SourceDefinition(
            "openai-news",
            "rss",
            "OpenAI News",
            URI.create("https://openai.example/news/rss.xml"),
            Duration.ofMinutes(10),
            true);

    assertThat(SourceMapper.fromAvro(SourceMapper.toAvro(definition))).isEqualTo(definition);
    assertThat(SourceMapper.toAvro(definition).getIntervalSeconds()).isEqualTo(600);
  }

  @Test
  void refusesInvalidDefinitionsInCode() {
    assertThatThrownBy(
            () ->
                new SourceDefinition(
                    "x", "rss", "x", URI.create("file:///etc/passwd"), Duration.ofHours(1), false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(List.of(SourceDefinition.MIN_INTERVAL)).containsExactly(Duration.ofSeconds(30));
  }
}
