package dev.bellwether.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageFetcherSettingsTest {
  /** Issue 9: no secret in logs, even if the settings are ever logged whole. */
  @Test
  void toStringHidesTheEdgarContact() {
    PageFetcherSettings settings =
        PageFetcherSettings.defaults("fetch-1", false)
            .withSecUserAgent("Example Research ops@example.com");

    assertThat(settings.toString())
        .contains("instanceId=fetch-1", "secUserAgent=(set)")
        .doesNotContain("ops@example.com");
    assertThat(PageFetcherSettings.defaults("fetch-1", false).toString())
        .contains("secUserAgent=none");
  }
}
