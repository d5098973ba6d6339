package dev.bellwether.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.app.config.ConfigKeys.EdgarUserAgent;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {
  @Test
  void aBlankEdgarUserAgentCountsAsUnset() {
    assertThat(EdgarUserAgent.valueOf("")).isNull();
    assertThat(EdgarUserAgent.valueOf("  ")).isNull();
    assertThat(EdgarUserAgent.valueOf(null)).isNull();
    assertThat(EdgarUserAgent.valueOf(" Example ops@example.com "))
        .isEqualTo("Example ops@example.com");
  }
}
