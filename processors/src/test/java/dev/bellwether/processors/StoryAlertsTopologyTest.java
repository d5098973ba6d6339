package dev.bellwether.processors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.watchlist.Watchlist;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stories through the whole topology: one NEW per story, then UPDATEs, per watchlist rule. */
class StoryAlertsTopologyTest {
  private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
  private static final CompanyKnowledgeBase KB = StoryTopologyDriver.knowledgeBase();

  @TempDir Path stateDir;
  private StoryTopologyDriver topology;

  @AfterEach
  void close() {
    if (topology != null) {
      topology.close();
    }
  }

  private void start(Watchlist watchlist) {
    topology = new StoryTopologyDriver(stateDir, watchlist, T0);
  }

  private void publish(String id, String outlet, String title, String text, Instant published) {
    topology.publish(id, outlet, title, text, published);
  }

  private List<TestRecord<String, Alert>> alerts() {
    return topology.alerts();
  }

  @Test
  void aStoryToldByThreeOutletsGivesOneNewAndTwoUpdates() {
    start(Watchlist.builtIn(KB));
    publish(
        "r1",
        "Wire One",
        "OpenAI in talks to raise $40 billion",
        "OpenAI is in talks to raise $40 billion led by SoftBank, people familiar with the matter"
            + " said.",
        T0);
    publish(
        "r2",
        "Daily Tech",
        "OpenAI raises $40 billion",
        "OpenAI said on Monday it raised $40 billion in a round led by SoftBank.",
        T0.plus(Duration.ofHours(5)));
    publish(
        "r3",
        "Markets Now",
        "SoftBank leads giant OpenAI round",
        "OpenAI has raised $40 billion from SoftBank and others, the company confirmed.",
        T0.plus(Duration.ofHours(20)));
    publish( // the same URL again: nothing new
        "r2",
        "Daily Tech",
        "OpenAI raises $40 billion",
        "OpenAI said on Monday it raised $40 billion in a round led by SoftBank.",
        T0.plus(Duration.ofHours(5)));

    List<TestRecord<String, Alert>> out = alerts();
    assertThat(out)
        .extracting(r -> r.value().getKind())
        .containsExactly(AlertKind.NEW, AlertKind.UPDATE, AlertKind.UPDATE);
    String story = out.get(0).key();
    assertThat(out).allSatisfy(r -> assertThat(r.key()).isEqualTo(story));
    assertThat(out)
        .extracting(r -> r.value().getId())
        .containsExactly(story + "-1", story + "-2", story + "-3");
    Alert last = out.get(2).value();
    assertThat(last.getSources()).hasSize(3);
    assertThat(last.getFacts()).containsEntry("amount_usd", "40000000000");
    assertThat(last.getStatus().name()).isEqualTo("ANNOUNCED");
    assertThat(out.get(0).value().getStatus().name()).isEqualTo("REPORTED");
    assertThat(out.get(1).value().getReason()).contains("reported → announced");
    assertThat(last.getRuleId()).isEqualTo("frontier-labs-all");
  }

  @Test
  void twoRoundsOfOneCompanyAMonthApartAreTwoStories() {
    start(Watchlist.builtIn(KB));
    publish(
        "a1",
        "Wire One",
        "Anthropic raises $13 billion",
        "Anthropic raised $13 billion in a Series F round.",
        T0);
    publish(
        "a2",
        "Wire Two",
        "Anthropic raises $30 billion",
        "Anthropic raised $30 billion in a Series G round.",
        T0.plus(Duration.ofDays(30)));
    List<TestRecord<String, Alert>> out = alerts();
    assertThat(out)
        .extracting(r -> r.value().getKind())
        .containsExactly(AlertKind.NEW, AlertKind.NEW);
    assertThat(out.get(0).key()).isNotEqualTo(out.get(1).key());
  }

  @Test
  void aStoryAlertsNewOnlyOnceItsAmountReachesTheRuleMinimum() {
    String rules =
        """
        version: 7
        rules:
          - id: big-rounds
            events: [FUNDING]
            min-amount-usd: 1B
            severity: HIGH
            route: deals
        """;
    start(Watchlist.parse(rules, "rules.yaml", KB));
    publish(
        "m1",
        "Wire One",
        "Mistral AI raises new funds",
        "Mistral AI raised new funding from ASML, the company said.",
        T0);
    publish(
        "m2",
        "Wire Two",
        "Mistral AI raises $2 billion",
        "Mistral AI raised $2 billion from ASML and others.",
        T0.plus(Duration.ofHours(3)));
    publish(
        "m3",
        "Wire Three",
        "Mistral AI round confirmed",
        "Mistral AI has raised $2 billion in a round led by ASML.",
        T0.plus(Duration.ofHours(6)));
    List<TestRecord<String, Alert>> out = alerts();
    assertThat(out)
        .extracting(r -> r.value().getKind())
        .containsExactly(AlertKind.NEW, AlertKind.UPDATE);
    assertThat(out.get(0).value().getRuleVersion()).isEqualTo(7);
    assertThat(out.get(0).value().getReason()).contains("now matches rule big-rounds");
    assertThat(out.get(0).value().getSources()).hasSize(2);
  }

  @Test
  void storiesThatCanTakeNoMoreSourcesAreSweptFromTheStore() {
    start(Watchlist.builtIn(KB));
    publish(
        "s1",
        "Wire One",
        "Anthropic raises $13 billion",
        "Anthropic raised $13 billion in a Series F round.",
        T0);
    publish(
        "s2",
        "Wire Two",
        "Nvidia to acquire Parallax Labs",
        "Nvidia agreed to acquire Parallax Labs for $900 million.",
        T0.plus(Duration.ofDays(11)));
    var stories =
        topology
            .driver()
            .<String, Object>getKeyValueStore(dev.bellwether.processors.story.StoryProcessor.STORE);
    assertThat(stories.approximateNumEntries()).isEqualTo(2);

    topology.driver().advanceWallClockTime(Duration.ofHours(1));

    // 11 days on: past the Anthropic story's 72 h window and the 7 days of lateness allowed
    List<Object> kept = new java.util.ArrayList<>();
    stories.all().forEachRemaining(kv -> kept.add(kv.value));
    assertThat(kept)
        .singleElement()
        .satisfies(
            v ->
                assertThat(
                        dev.bellwether.schemas.serde.BellwetherSerdes.storedStory()
                            .deserializer()
                            .deserialize("stories", (byte[]) v)
                            .getReports()
                            .get(0)
                            .getArticleId())
                    .isEqualTo("s2"));
  }
}
