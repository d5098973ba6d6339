package dev.bellwether.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageFetcherSettingsTest {
  /** Issue 9: no secret in logs, even if the settings are ever logged whole. */
  @Test
  void toStringHidesTheEdgarContact() {
    PageFetcherSettings settings =
        PageFetcherSettings.builder("fetch-1")
            .secUserAgent("Example Research ops@example.com")
            .build();

    assertThat(settings.toString())
        .contains("instanceId=fetch-1", "secUserAgent=(set)")
        .doesNotContain("ops@example.com");
    assertThat(PageFetcherSettings.builder("fetch-1").build().toString())
        .contains("secUserAgent=none");
  }
}
