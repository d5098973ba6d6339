package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * docker-compose.yml against the code and the docs: every Bellwether service runs a real {@code
 * bellwether} subcommand with options it accepts, and every variable it sets is a documented key of
 * docs/configuration.md's reference table (issue 9).
 */
class ComposeFileTest {
  private static final Path ROOT = Path.of("..");
  private static final String JAR = "/opt/bellwether/bellwether.jar";
  private static final Set<String> ROLES = Set.of("ingest", "process", "fetch");
  private static final Pattern BACKTICKED = Pattern.compile("`([A-Z][A-Z0-9_]+)`");

  private final Map<String, Map<String, Object>> services = services();

  @Test
  void everyBellwetherServiceRunsARealSubcommandWithOptionsItAccepts() {
    Set<String> subcommands = new CommandLine(Bellwether.class).getSubcommands().keySet();
    assertThat(bellwetherServices()).containsKeys("topics", "ingest", "process", "fetch");

    bellwetherServices()
        .forEach(
            (name, service) -> {
              List<String> command = strings(service.get("command"), name + ".command");
              assertThat(command).as(name + ".command").isNotEmpty();
              assertThat(subcommands).as(name + "'s subcommand").contains(command.get(0));
              assertParses(name + ".command", command);
            });
  }

  @Test
  void everyRoleIsHealthCheckedByTheJarItselfAndRestarts() {
    for (String role : ROLES) {
      Map<String, Object> service = bellwetherServices().get(role);
      assertThat(service).as(role).isNotNull();
      List<String> test = strings(map(service.get("healthcheck")).get("test"), role + " health");
      assertThat(test.subList(0, 2)).containsExactly("CMD", "java");
      int jar = test.indexOf("-jar");
      assertThat(jar).as(role + " health check runs the jar").isPositive();
      assertThat(test.get(jar + 1)).isEqualTo(JAR);
      List<String> args = test.subList(jar + 2, test.size());
      assertThat(args).first().isEqualTo("health");
      assertParses(role + ".healthcheck", args);
      assertThat(service.get("restart")).as(role + ".restart").isEqualTo("unless-stopped");
      assertThat(map(map(service.get("depends_on")).get("kafka")).get("condition"))
          .isEqualTo("service_healthy");
      assertThat(map(map(service.get("depends_on")).get("topics")).get("condition"))
          .isEqualTo("service_completed_successfully");
    }
  }

  @Test
  void theImageRunsTheJarTheHealthChecksCall() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

    assertThat(dockerfile).contains("\"-jar\", \"" + JAR + "\"]").contains("\nUSER 10001");
  }

  @Test
  void everyVariableABellwetherServiceSetsIsDocumented() throws IOException {
    Set<String> documented = documentedVariables();
    assertThat(documented).contains("BELLWETHER_BOOTSTRAP_SERVERS", "BELLWETHER_LOG_FORMAT");

    bellwetherServices()
        .forEach(
            (name, service) -> {
              for (String variable : map(service.get("environment")).keySet()) {
                assertThat(documented)
                    .as(name + " sets " + variable + "; docs/configuration.md's reference table")
                    .contains(variable);
              }
            });
  }

  @Test
  void secretsComeFromTheGitIgnoredEnvFileAndItsExampleIsDocumented() throws IOException {
    bellwetherServices()
        .forEach(
            (name, service) -> {
              Object agent = map(service.get("environment")).get("BELLWETHER_EDGAR_USER_AGENT");
              if (agent != null) {
                assertThat(agent.toString()).as(name).startsWith("${BELLWETHER_EDGAR_USER_AGENT");
              }
            });
    assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains(".env");
    Set<String> documented = documentedVariables();
    for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
      Matcher key = Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]+)=").matcher(line);
      if (key.find()) {
        assertThat(documented).as(".env.example's " + key.group(1)).contains(key.group(1));
      }
    }
  }

  private static void assertParses(String where, List<String> args) {
    try {
      Bellwether.commandLine().parseArgs(args.toArray(String[]::new));
    } catch (ParameterException e) {
      fail(where + " " + args + " is not a valid bellwether command line: " + e.getMessage());
    }
  }

  private Map<String, Map<String, Object>> bellwetherServices() {
    Map<String, Map<String, Object>> bellwether = new LinkedHashMap<>();
    services.forEach(
        (name, service) -> {
          if (String.valueOf(service.get("image")).startsWith("bellwether:")) {
            bellwether.put(name, service);
          }
        });
    return bellwether;
  }

  /** The backticked upper-case names in the environment column of the reference table. */
  private static Set<String> documentedVariables() throws IOException {
    List<String> table = referenceTable();
    List<String> header = cells(table.get(0));
    int column = header.indexOf("environment variable");
    assertThat(column).as("reference table has an 'environment variable' column").isNotNegative();
    Set<String> variables = new TreeSet<>();
    for (String row : table.subList(2, table.size())) {
      Matcher m = BACKTICKED.matcher(cells(row).get(column));
      while (m.find()) {
        variables.add(m.group(1));
      }
    }
    return variables;
  }

  private static List<String> referenceTable() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("docs/configuration.md"));
    int heading = lines.indexOf("## Reference");
    assertThat(heading).as("docs/configuration.md has '## Reference'").isNotNegative();
    List<String> table = new ArrayList<>();
    for (String line : lines.subList(heading + 1, lines.size())) {
      if (line.startsWith("|")) {
        table.add(line);
      } else if (!table.isEmpty()) {
        break;
      }
    }
    assertThat(table).as("the reference table").hasSizeGreaterThan(2);
    return table;
  }

  private static List<String> cells(String row) {
    String inner = row.strip().substring(1, row.strip().length() - 1);
    return List.of(inner.split("(?<!\\\\)\\|", -1)).stream().map(String::strip).toList();
  }

  private static Map<String, Map<String, Object>> services() {
    try {
      Object doc =
          new Load(LoadSettings.builder().build())
              .loadFromString(Files.readString(ROOT.resolve("docker-compose.yml")));
      Map<String, Map<String, Object>> services = new LinkedHashMap<>();
      map(map(doc).get("services")).forEach((name, service) -> services.put(name, map(service)));
      return services;
    } catch (IOException e) {
      throw new AssertionError("cannot read docker-compose.yml", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  private static List<String> strings(Object value, String where) {
    assertThat(value).as(where + " is a list").isInstanceOf(List.class);
    return ((List<?>) value).stream().map(String::valueOf).toList();
  }
}
