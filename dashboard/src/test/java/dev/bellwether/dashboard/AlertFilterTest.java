package dev.bellwether.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bellwether.schemas.avro.EventStatus;
import dev.bellwether.schemas.avro.EventType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertFilterTest {
  @Test
  void readsItsParametersAndWritesThemBackForALink() {
    AlertFilter f =
        AlertFilter.parse(
            Map.of(
                    "company", "Alibaba/Qwen & co",
                    "type", "export-control",
                    "status", "announced",
                    "range", "7D")
                ::get);

    assertThat(f.type()).isEqualTo(EventType.EXPORT_CONTROL);
    assertThat(f.status()).isEqualTo(EventStatus.ANNOUNCED);
    assertThat(f.range()).isEqualTo("7d");
    assertThat(f.queryString())
        .isEqualTo("company=Alibaba%2FQwen+%26+co&type=EXPORT_CONTROL&status=ANNOUNCED&range=7d");
    assertThat(AlertFilter.parse(new HashMap<>(f.parameters())::get)).isEqualTo(f);
  }

  @Test
  void blankValuesAsAFormSendsThemMeanNoFilter() {
    assertThat(AlertFilter.parse(Map.of("company", "", "type", " ", "range", "")::get))
        .isEqualTo(AlertFilter.ALL);
    assertThat(AlertFilter.ALL.queryString()).isEmpty();
  }

  @Test
  void takesDatesAndInstants() {
    AlertFilter f =
        AlertFilter.parse(Map.of("from", "2026-11-28", "to", "2026-11-29T06:00:00Z")::get);

    assertThat(f.from()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
    assertThat(f.to()).isEqualTo(Instant.parse("2026-11-29T06:00:00Z"));
  }

  @Test
  void refusesWhatItCannotUseSayingWhy() {
    assertThatThrownBy(() -> AlertFilter.parse(Map.of("type", "merger")::get))
        .hasMessageContaining("unknown type 'merger'")
        .hasMessageContaining("EXPORT_CONTROL");
    assertThatThrownBy(() -> AlertFilter.parse(Map.of("status", "UNKNOWN")::get))
        .hasMessageContaining("ANNOUNCED, REPORTED");
    assertThatThrownBy(() -> AlertFilter.parse(Map.of("range", "2w")::get))
        .hasMessageContaining("1h, 24h, 7d, 30d");
    assertThatThrownBy(() -> AlertFilter.parse(Map.of("from", "yesterday")::get))
        .hasMessageContaining("from must be an ISO-8601 instant");
    assertThatThrownBy(
            () -> AlertFilter.parse(Map.of("from", "2026-11-29", "to", "2026-11-28")::get))
        .hasMessage("from must be before to");
  }
}
