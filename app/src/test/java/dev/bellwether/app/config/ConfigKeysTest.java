package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FetchCommandTest {
  @Test
  void aBlankEdgarUserAgentCountsAsUnset() {
    assertThat(FetchCommand.secUserAgent("")).isNull();
    assertThat(FetchCommand.secUserAgent("  ")).isNull();
    assertThat(FetchCommand.secUserAgent(null)).isNull();
    assertThat(FetchCommand.secUserAgent(" Example ops@example.com "))
        .isEqualTo("Example ops@example.com");
  }
}
