package dev.bellwether.app;

import static dev.bellwether.app.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsCommandTest {
  @Test
  void topicsAloneAsksForASubcommand() {
    CliRun.Result result = run("topics");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("try 'topics create'");
  }

  @Test
  void createTeachesWithExamples() {
    CliRun.Result result = run("topics", "create", "--help");
    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains("Usage: bellwether topics create")
        .contains("--bootstrap-servers")
        .contains("Examples:");
  }
}
