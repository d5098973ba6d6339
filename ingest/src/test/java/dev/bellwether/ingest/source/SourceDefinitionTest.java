package dev.bellwether.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceDefinitionTest {
  /** Issue 9: no secret in logs, even if a definition is ever logged whole. */
  @Test
  void toStringHidesTheEdgarContact() {
    SourceDefinition edgar =
        new SourceDefinition(
            "alphabet-sec",
            SourceDefinition.EDGAR,
            "Alphabet",
            URI.create("https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany"),
            Duration.ofMinutes(15),
            false,
            Duration.ofMinutes(4),
            Duration.ofHours(1),
            Map.of(
                SourceOptions.CIK, "0001652044",
                SourceOptions.FORMS, "8-K",
                SourceOptions.USER_AGENT, "Example Research ops@example.com"));

    assertThat(edgar.toString())
        .contains("alphabet-sec", "cik=0001652044", "user-agent=(set)")
        .doesNotContain("ops@example.com");
  }
}
