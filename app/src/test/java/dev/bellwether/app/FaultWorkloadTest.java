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
    var settings = BellwetherTopology.Settings.standard(knowledge.tagger(), knowledge.watchlist());

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
  void roundsOnTheSameDatesJoinTheDemosStoriesInAnyOrder() {
    Knowledge knowledge = Knowledge.load(null, null, null);
    var settings = BellwetherTopology.Settings.standard(knowledge.tagger(), knowledge.watchlist());
    List<dev.bellwether.schemas.avro.Article> articles =
        new java.util.ArrayList<>(FaultWorkload.articles(0, 3, false));
    Map<String, Integer> inOrder = FaultWorkload.expectedOutcomesTogether(3);

    assertThat(inOrder.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(9);
    assertThat(FaultWorkload.alertsIn(inOrder)).isEqualTo(3 * 21);
    for (long seed = 1; seed <= 1; seed++) {
      java.util.Collections.shuffle(articles, new java.util.Random(seed));
      assertThat(FaultWorkload.outcomes(TopologyReplay.alerts(settings, articles)))
          .as("shuffled with seed " + seed)
          .isEqualTo(inOrder);
    }
  }
}
