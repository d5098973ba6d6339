package dev.bellwether.dashboard;

import static dev.bellwether.dashboard.TestAlerts.T0;
import static dev.bellwether.dashboard.TestAlerts.funding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.schemas.avro.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertLogTest {
  private final Instant now = T0.plusSeconds(86_400);

  @Test
  void holdsAlertsNewestFirstAndIgnoresARepeatedId() {
    AlertLog log = new AlertLog(10);
    log.add(funding("s1", 1, "OpenAI"), now);
    log.add(funding("s2", 1, "Anthropic"), now);
    assertThat(log.add(funding("s1", 1, "OpenAI"), now)).isEmpty();

    AlertLog.Page page = log.query(AlertFilter.ALL, now, 10, Long.MAX_VALUE);

    assertThat(page.alerts()).extracting(e -> e.alert().getId()).containsExactly("s2-1", "s1-1");
    assertThat(page.matched()).isEqualTo(2);
    assertThat(log.lastSeq()).isEqualTo(2);
  }

  @Test
  void filtersByCompanyTypeAndIssueTime() {
    AlertLog log = new AlertLog(10);
    log.add(funding("s1", 1, "OpenAI"), now.minusSeconds(7200));
    log.add(TestAlerts.alert("s2", 1, "Nvidia", EventType.EXPORT_CONTROL, "Nvidia curbs"), now);
    log.add(funding("s3", 1, "Nvidia"), now);

    AlertFilter nvidiaExports =
        AlertFilter.parse(Map.of("company", "Nvidia", "type", "export-control")::get);
    AlertFilter lastHour = AlertFilter.parse(Map.of("range", "1h")::get);

    assertThat(log.query(nvidiaExports, now, 10, Long.MAX_VALUE).alerts())
        .extracting(e -> e.alert().getId())
        .containsExactly("s2-1");
    assertThat(log.query(lastHour, now, 10, Long.MAX_VALUE).alerts())
        .extracting(e -> e.alert().getId())
        .containsExactly("s3-1", "s2-1");
  }

  @Test
  void pagesWithBeforeAndCountsAllMatches() {
    AlertLog log = new AlertLog(100);
    for (int i = 1; i <= 25; i++) {
      log.add(funding("s" + i, 1, "OpenAI"), now);
    }
    AlertLog.Page first = log.query(AlertFilter.ALL, now, 10, Long.MAX_VALUE);
    AlertLog.Page second = log.query(AlertFilter.ALL, now, 10, first.alerts().get(9).seq());

    assertThat(first.matched()).isEqualTo(25);
    assertThat(first.alerts().get(0).seq()).isEqualTo(25);
    assertThat(second.alerts().get(0).seq()).isEqualTo(15);
    assertThat(second.alerts()).hasSize(10);
  }

  @Test
  void keepsOnlyTheNewestAndForgetsStoriesWhoseAlertsAllWent() {
    AlertLog log = new AlertLog(3);
    log.add(funding("old", 1, "OpenAI"), now);
    log.add(funding("s2", 1, "OpenAI"), now);
    log.add(funding("s2", 2, "OpenAI"), now);
    log.add(funding("s3", 1, "OpenAI"), now);

    assertThat(log.size()).isEqualTo(3);
    assertThat(log.story("old")).isEmpty();
    assertThat(log.story("s2")).isPresent();
    // an id evicted is not remembered: read again, it is held again
    assertThat(log.add(funding("old", 1, "OpenAI"), now)).isPresent();
  }

  @Test
  void aStoryGathersItsSourcesInTimeOrderAndItsDistinctEvidence() {
    AlertLog log = new AlertLog(10);
    log.add(funding("s1", 1, "OpenAI"), now);
    log.add(funding("s1", 3, "OpenAI"), now);

    StoryView story = log.story("s1").orElseThrow();

    assertThat(story.latest().alert().getId()).isEqualTo("s1-3");
    assertThat(story.sources())
        .extracting(s -> s.getOutlet())
        .containsExactly("Outlet 1", "Outlet 2", "Outlet 3");
    assertThat(story.evidence()).hasSize(2);
    assertThat(story.alerts()).hasSize(2);
  }

  @Test
  void sinceGivesWhatCameAfterASeqOldestFirstAndListenersHearEachNewAlert() {
    AlertLog log = new AlertLog(10);
    List<String> heard = new ArrayList<>();
    log.subscribe(e -> heard.add(e.alert().getId()));
    log.add(funding("s1", 1, "OpenAI"), now);
    log.add(funding("s2", 1, "Anthropic"), now);
    log.add(funding("s3", 1, "OpenAI"), now);
    log.add(funding("s3", 1, "OpenAI"), now);

    AlertFilter openAi = AlertFilter.parse(Map.of("company", "OpenAI")::get);
    assertThat(log.since(1, openAi, now, 10))
        .extracting(e -> e.alert().getId())
        .containsExactly("s3-1");
    assertThat(log.since(0, AlertFilter.ALL, now, 2))
        .extracting(e -> e.alert().getId())
        .containsExactly("s2-1", "s3-1");
    assertThat(heard).containsExactly("s1-1", "s2-1", "s3-1");
  }

  @Test
  void knowsItsCompaniesAndTheNewestSourceTime() {
    AlertLog log = new AlertLog(10);
    log.add(funding("s1", 2, "openai-lower"), now);
    log.add(funding("s2", 1, "Anthropic"), now);

    assertThat(log.companies()).containsExactly("Anthropic", "openai-lower");
    assertThat(log.newestSourceTime()).contains(T0.plusSeconds(7200));
  }
}
