package dev.bellwether.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.app.Bellwether;
import dev.bellwether.app.config.ConfigKey.Reader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@link ConfigKey} is the one list of the environment variables: every option that takes one goes
 * through it, every variable named in the code, logging set-up, compose file and docs is on it, and
 * docs/configuration.md's reference table agrees with it.
 */
class ConfigKeyTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern VARIABLE = Pattern.compile("\\b(?:BELLWETHER|SLACK)_[A-Z0-9_]+");

  @Test
  void noOptionReadsTheEnvironmentOutsideTheRegistry() {
    for (Map.Entry<String, OptionSpec> option : allOptions().entrySet()) {
      String defaultValue = option.getValue().defaultValue();
      assertThat(defaultValue == null ? "" : defaultValue)
          .as(option.getKey() + ": an environment default goes through ConfigKey")
          .doesNotContain("${env:");
      String key = option.getValue().descriptionKey();
      if (VARIABLE.matcher(key).matches()) {
        assertThat(ConfigKey.of(key))
            .as(option.getKey() + " names an unknown variable")
            .hasValueSatisfying(k -> assertThat(k.reader()).isEqualTo(Reader.OPTION));
      }
    }
  }

  @Test
  void everyOptionKeyBelongsToAnOption() {
    Set<String> used = new HashSet<>();
    allOptions().values().forEach(o -> used.add(o.descriptionKey()));
    for (ConfigKey key : ConfigKey.values()) {
      if (key.reader() == Reader.OPTION) {
        assertThat(used).as(key.name()).contains(key.variable());
      }
    }
  }

  @Test
  void anOptionTakesItsVariableOrElseItsDefaultAndAFlagWinsOverBoth() {
    assertThat(optionValue(Map.of(), "process", "--http-port")).isEqualTo(8080);
    assertThat(optionValue(Map.of("BELLWETHER_HTTP_PORT", "9123"), "process", "--http-port"))
        .isEqualTo(9123);
    assertThat(optionValue(Map.of("BELLWETHER_HTTP_PORT", "  "), "process", "--http-port"))
        .as("blank is unset, as compose passes ${VAR:-}")
        .isEqualTo(8080);
    assertThat(
            optionValue(
                Map.of("BELLWETHER_HTTP_PORT", "9123"), "process", "--http-port", "--http-port=81"))
        .isEqualTo(81);
    assertThat(optionValue(Map.of(), "tag", "--model")).isEqualTo("builtin");
    assertThat(optionValue(Map.of("BELLWETHER_MODEL", "none"), "tag", "--model")).isEqualTo("none");
    assertThat(optionValue(Map.of(), "process", "--kafka-config")).isNull();
  }

  @Test
  void anOptionWithoutAKeyIgnoresTheVariableOfItsNamesake() {
    // run's --bootstrap-servers means "not the embedded broker": the variable must not turn it on.
    Map<String, String> env = Map.of("BELLWETHER_BOOTSTRAP_SERVERS", "kafka:9092");
    assertThat(optionValue(env, "run", "--bootstrap-servers")).isNull();
    assertThat(optionValue(env, "tail", "--bootstrap-servers")).isEqualTo("kafka:9092");
  }

  @Test
  void theCommitIntervalDefaultIsTheProcessorsDefault() {
    assertThat(optionValue(Map.of(), "process", "--commit-interval"))
        .isEqualTo(dev.bellwether.processors.ProcessorsRunner.DEFAULT_COMMIT_INTERVAL);
  }

  @Test
  void helpListsTheVariablesOfTheCommandsOptions() {
    String help = help("process");
    assertThat(help)
        .contains("Environment variables (a flag given wins):")
        .containsPattern("BELLWETHER_STATE_DIR +--state-dir")
        .containsPattern("BELLWETHER_HTTP_PORT +--http-port")
        .containsPattern("Default:\\s+bellwether-data/streams\\.");
    assertThat(help.indexOf("Environment variables")).isLessThan(help.indexOf("Examples:"));
    assertThat(help("extract")).doesNotContain("Environment variables");
  }

  @Test
  void aBlankValueIsUnsetAndAValueIsStripped() {
    ConfigKey key = ConfigKey.EDGAR_USER_AGENT;
    assertThat(key.valueIn(Map.of())).isNull();
    assertThat(key.valueIn(Map.of(key.variable(), " "))).isNull();
    assertThat(key.valueIn(Map.of(key.variable(), " Example ops@example.com ")))
        .isEqualTo("Example ops@example.com");
  }

  @Test
  void everyVariableNamedInTheProjectIsDeclared() throws IOException {
    Map<String, Path> named = new LinkedHashMap<>();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(ROOT)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().contains("/src/main/"))
          .filter(p -> !p.toString().contains("/target/"))
          .filter(p -> !p.endsWith("ConfigKey.java")) // its enum constants are not variables
          .forEach(files::add);
    }
    files.add(ROOT.resolve("docker-compose.yml"));
    files.add(ROOT.resolve(".env.example"));
    files.add(ROOT.resolve("Dockerfile"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
    }
    files.add(ROOT.resolve("README.md"));
    for (Path file : files) {
      Matcher m = VARIABLE.matcher(read(file));
      while (m.find()) {
        named.putIfAbsent(m.group(), file);
      }
    }
    assertThat(named).containsKey("BELLWETHER_HTTP_PORT");
    for (Map.Entry<String, Path> variable : named.entrySet()) {
      String name = variable.getKey();
      boolean kafkaSetting = name.startsWith(ConfigKey.Names.KAFKA_SETTING_PREFIX);
      assertThat(kafkaSetting || ConfigKey.of(name).isPresent())
          .as(name + " (in " + variable.getValue() + ") is not a ConfigKey")
          .isTrue();
    }
  }

  @Test
  void theReferenceTableListsEveryKeyWithItsDefault() {
    Map<String, String> defaults = referenceTable();
    for (ConfigKey key : ConfigKey.values()) {
      assertThat(defaults).as("docs/configuration.md reference").containsKey(key.variable());
      if (key.defaultValue() != null) {
        assertThat(defaults.get(key.variable()))
            .as(key.variable() + "'s default in docs/configuration.md")
            .contains("`" + key.defaultValue() + "`");
      }
    }
    Set<String> declared = new TreeSet<>();
    for (ConfigKey key : ConfigKey.values()) {
      declared.add(key.variable());
    }
    assertThat(declared).containsAll(defaults.keySet());
  }

  /** Variable → its default cell, from the rows of the table under "## Reference". */
  private static Map<String, String> referenceTable() {
    String docs = read(ROOT.resolve("docs/configuration.md"));
    String table = docs.substring(docs.indexOf("## Reference"));
    table = table.substring(0, table.indexOf("\n## ", 1));
    Map<String, String> rows = new LinkedHashMap<>();
    Pattern name = Pattern.compile("`((?:BELLWETHER|SLACK)_[A-Z0-9_<>]+)`");
    for (String line : table.split("\n")) {
      String[] cells = line.replace("\\|", "/").split("\\|", -1);
      if (cells.length < 6 || !line.startsWith("|")) {
        continue;
      }
      Matcher m = name.matcher(cells[2]);
      if (m.find()) {
        rows.merge(m.group(1), cells[4], (a, b) -> a + " " + b);
      }
    }
    return rows;
  }

  private static Object optionValue(Map<String, String> env, String command, String option) {
    return optionValue(env, command, option, new String[0]);
  }

  private static Object optionValue(
      Map<String, String> env, String command, String option, String... flags) {
    CommandLine cli = Bellwether.commandLine(env);
    String[] args = Stream.concat(Stream.of(command), Stream.of(flags)).toArray(String[]::new);
    CommandLine sub = cli.parseArgs(args).subcommand().commandSpec().commandLine();
    return sub.getCommandSpec().findOption(option).getValue();
  }

  private static String help(String command) {
    StringWriter out = new StringWriter();
    CommandLine cli = Bellwether.commandLine(Map.of());
    cli.setOut(new PrintWriter(out, true));
    cli.execute(command, "--help");
    return out.toString();
  }

  /** Every option of every command, by "command option". */
  private static Map<String, OptionSpec> allOptions() {
    Map<String, OptionSpec> options = new LinkedHashMap<>();
    collect(Bellwether.commandLine(Map.of()), options);
    return options;
  }

  private static void collect(CommandLine cli, Map<String, OptionSpec> options) {
    for (OptionSpec option : cli.getCommandSpec().options()) {
      options.put(cli.getCommandSpec().qualifiedName() + " " + option.longestName(), option);
    }
    cli.getSubcommands().values().forEach(sub -> collect(sub, options));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
