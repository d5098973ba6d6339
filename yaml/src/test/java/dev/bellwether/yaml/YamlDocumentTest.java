package dev.bellwether.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Node;

class YamlDocumentTest {
  private static Node root(YamlDocument yaml, String text) {
    return yaml.parse(text, "a test").orElseThrow();
  }

  @Test
  void syntaxErrorIsAProblemAtItsLine() {
    YamlDocument yaml = YamlDocument.of("f.yaml");

    assertThat(yaml.parse("a: 1\nb: [unclosed\n", "a test")).isEmpty();
    assertThat(yaml.problems()).singleElement().asString().startsWith("f.yaml:3: not valid YAML");
  }

  @Test
  void emptyFileSaysWhatWasExpected() {
    YamlDocument yaml = YamlDocument.of("f.yaml");

    assertThat(yaml.parse("# nothing yet\n", "a 'rules' list")).isEmpty();
    assertThat(yaml.problems())
        .containsExactly("f.yaml:1: the file is empty; expected a 'rules' list");
  }

  @Test
  void unknownAndRepeatedKeysAreProblemsAtTheKeysLine() {
    YamlDocument yaml = YamlDocument.of("f.yaml");
    Node root = root(yaml, "id: a\ncolour: blue\nid: b\n");

    Map<String, Node> entries = yaml.mapping(root, "a rule", List.of("route", "id")).orElseThrow();

    assertThat(entries).containsOnlyKeys("id");
    assertThat(yaml.text(entries.get("id"), "'id'")).contains("a");
    assertThat(yaml.problems())
        .containsExactly(
            "f.yaml:2: unknown key 'colour' in a rule; known: [id, route]",
            "f.yaml:3: key 'id' appears twice in a rule");
  }

  @Test
  void mappingOfAnyKeysStillRefusesAListInItsPlace() {
    YamlDocument yaml = YamlDocument.of("f.yaml");
    Node root = root(yaml, "routes:\n  - deals\n");
    Node routes = yaml.mapping(root, "the file").orElseThrow().get("routes");

    assertThat(yaml.mapping(routes, "'routes'")).isEmpty();
    assertThat(yaml.problems())
        .containsExactly("f.yaml:2: 'routes' must be a mapping of keys to values");
  }

  @Test
  void textsReadAListOrOneValueAndNameTheBadItem() {
    YamlDocument yaml = YamlDocument.of("f.yaml");
    Map<String, Node> top =
        yaml.mapping(root(yaml, "one: x\nmany: [a, ' b ', {c: d}]\n"), "the file").orElseThrow();

    assertThat(yaml.texts(top.get("one"), "'one'")).containsExactly("x");
    assertThat(yaml.texts(top.get("many"), "'many'")).containsExactly("a", "b");
    assertThat(yaml.problems())
        .containsExactly("f.yaml:2: each item of 'many' must be a single value");
  }

  @Test
  void absentTextIsEmptyWithoutAProblemButBlankTextIsOne() {
    YamlDocument yaml = YamlDocument.of("f.yaml");
    Map<String, Node> top = yaml.mapping(root(yaml, "name: ''\n"), "the file").orElseThrow();

    assertThat(yaml.text(top.get("id"), "'id'")).isEmpty();
    assertThat(yaml.text(top.get("name"), "'name'")).isEmpty();
    assertThat(yaml.problems()).containsExactly("f.yaml:1: 'name' must not be empty");
  }

  @Test
  void booleansAreTrueOrFalseInAnyCase() {
    YamlDocument yaml = YamlDocument.of("f.yaml");
    Map<String, Node> top =
        yaml.mapping(root(yaml, "a: TRUE\nb: false\nc: maybe\n"), "the file").orElseThrow();

    assertThat(yaml.bool(top.get("a"), "'a'")).isTrue();
    assertThat(yaml.bool(top.get("b"), "'b'")).isFalse();
    assertThat(yaml.bool(top.get("c"), "'c'")).isFalse();
    assertThat(yaml.problems()).containsExactly("f.yaml:3: 'c' must be true or false, not 'maybe'");
  }

  @Test
  void durationsHaveOneUnitAndAMinimum() {
    YamlDocument yaml = YamlDocument.of("f.yaml");
    Map<String, Node> top =
        yaml.mapping(root(yaml, "a: 10m\nb: 5 minutes\nc: 10s\n"), "the file").orElseThrow();
    Duration minimum = Duration.ofSeconds(30);

    assertThat(yaml.duration(top.get("a"), "interval", minimum)).contains(Duration.ofMinutes(10));
    assertThat(yaml.duration(top.get("b"), "interval", minimum)).isEmpty();
    assertThat(yaml.duration(top.get("c"), "interval", minimum)).isEmpty();
    assertThat(yaml.problems())
        .containsExactly(
            "f.yaml:2: interval '5 minutes' is not a duration like 30s, 10m, 1h or 1d",
            "f.yaml:3: interval '10s' is shorter than the minimum, 30s");
  }

  @Test
  void durationTextUsesTheLargestWholeUnit() {
    assertThat(YamlDocument.durationText(Duration.ofSeconds(30))).isEqualTo("30s");
    assertThat(YamlDocument.durationText(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(YamlDocument.durationText(Duration.ofMinutes(120))).isEqualTo("2h");
    assertThat(YamlDocument.durationText(Duration.ofDays(1))).isEqualTo("1d");
    assertThat(YamlDocument.durationText(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  void variablesAreReplacedOnlyWhenTheFileHasThem() {
    String text = "url: https://x.example/?t=${TOKEN}&u=${UNSET}\n";
    YamlDocument substituting = YamlDocument.withVariables("f.yaml", Map.of("TOKEN", "s3cret"));
    YamlDocument literal = YamlDocument.of("g.yaml");

    Node url = substituting.mapping(root(substituting, text), "f").orElseThrow().get("url");
    Node same = literal.mapping(root(literal, text), "f").orElseThrow().get("url");

    assertThat(substituting.text(url, "'url'")).contains("https://x.example/?t=s3cret&u=");
    assertThat(substituting.problems()).containsExactly("f.yaml:1: unknown variable ${UNSET}");
    assertThat(literal.text(same, "'url'")).contains("https://x.example/?t=${TOKEN}&u=${UNSET}");
    assertThat(literal.hasProblems()).isFalse();
  }

  @Test
  void peekReadsAScalarWithoutRecordingProblems() {
    YamlDocument yaml = YamlDocument.of("f.yaml");
    Node root = root(yaml, "type: ' edgar '\nforms: [8-K]\n");

    assertThat(YamlDocument.peek(root, "type")).contains("edgar");
    assertThat(YamlDocument.peek(root, "forms")).isEmpty();
    assertThat(YamlDocument.peek(root, "absent")).isEmpty();
    assertThat(yaml.hasProblems()).isFalse();
  }

  @Test
  void aProblemWithoutALineNamesOnlyTheFile() {
    YamlDocument yaml = YamlDocument.of("f.yaml");

    yaml.problem(0, "cannot be read");
    yaml.problem(null, "has no rules");

    assertThat(yaml.problems()).containsExactly("f.yaml: cannot be read", "f.yaml: has no rules");
  }
}
