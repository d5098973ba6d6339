package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TopicsCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine cli = Bellwether.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void topicsAloneAsksForASubcommand() {
    assertThat(execute("topics")).isEqualTo(2);
    assertThat(err.toString()).contains("try 'topics create'");
  }

  @Test
  void createTeachesWithExamples() {
    assertThat(execute("topics", "create", "--help")).isZero();
    assertThat(out.toString())
        .contains("Usage: bellwether topics create")
        .contains("--bootstrap-servers")
        .contains("Examples:");
  }
}
