package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.processors.BellwetherTopology;
import dev.bellwether.processors.replay.TopologyReplay;
import dev.bellwether.schemas.avro.Alert;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fault tests' workload gives the demo's stories once per round, in the test driver. */
class FaultWorkloadTest {
  @Test
  void eachRoundGivesTheDemosStoriesAndNoRoundJoinsAnother() {
    Knowledge knowledge = Knowledge.load(null, null, null);
    var settings =
        BellwetherTopology.Settings.builder(knowledge.tagger(), knowledge.watchlist()).build();

    List<Alert> threeRounds = TopologyReplay.alerts(settings, FaultWorkload.articles(0, 3));
    Map<String, Integer> expected = FaultWorkload.expectedOutcomes(3);

    assertThat(FaultWorkload.outcomes(threeRounds)).isEqualTo(expected);
    assertThat(threeRounds).hasSize(FaultWorkload.expectedAlerts(expected, 3));
    assertThat(FaultWorkload.expectedAlerts(expected, 3)).isEqualTo(3 * 21); // the demo: 9 + 12
  }

  @Test
  void theRoundsFeedsAreTheDemosWithUniqueLinksAndEarlierDates() {
    String round0 = FaultWorkload.feedXml("techwire", 0);
    String last = FaultWorkload.feedXml("techwire", FaultWorkload.MAX_ROUNDS - 1);

    assertThat(round0).contains("https://techwire.example/r0/2026/11/23/");
    assertThat(last).contains("<pubDate>Mon, 23 Nov 2026").contains("/r19/");
    assertThat(FaultWorkload.feedXml("ledger", 2)).contains("tag:r2-theledger.example");
  }

  @Test
  void roundsOnTheSameDatesJoinTheDemosStories() {
    Map<String, Integer> together = FaultWorkload.expectedOutcomesTogether(3);

    // the demo's 9 stories, each told three times over: 21 alerts a round
    assertThat(together.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(9);
    assertThat(FaultWorkload.alertsIn(together)).isEqualTo(3 * 21);
  }
}
