package dev.bellwether.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.tagging.Tagger;
import dev.bellwether.core.watchlist.Watchlist;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class StageLadderTest {
  private static final Watchlist WATCHLIST = Watchlist.builtIn(CompanyKnowledgeBase.builtIn());

  @Test
  void everyRungReadsTheDiscoveredItemsAndWritesOnlyItsOwnTopics() {
    for (StageLadder.Stage stage : StageLadder.stages(Tagger.builtIn(), WATCHLIST)) {
      Topology topology = stage.topology().get();

      assertThat(LoadHarness.sourceTopics(topology))
          .as(stage.name())
          .containsExactly("bellwether.discovered");
      assertThat(sinks(topology)).as(stage.name()).isSubsetOf(StageLadder.OUTPUTS);
    }
  }

  @Test
  void eachRungDoesMoreThanTheOneBefore() {
    var stages = StageLadder.stages(Tagger.builtIn(), WATCHLIST);

    assertThat(sinks(stages.get(0).topology().get())).containsExactly(StageLadder.ITEMS_OUT);
    assertThat(stores(stages.get(0).topology().get())).isEmpty();
    assertThat(stores(stages.get(1).topology().get())).containsExactly("seen-items");
    assertThat(sinks(stages.get(2).topology().get()))
        .containsExactly(StageLadder.ARTICLES_OUT, StageLadder.ITEMS_OUT, StageLadder.TAGGED_OUT);
    assertThat(stores(stages.get(2).topology().get())).containsExactly("seen-items");
    assertThat(sinks(stages.get(3).topology().get()))
        .containsExactlyInAnyOrderElementsOf(StageLadder.OUTPUTS);
    assertThat(stores(stages.get(3).topology().get())).containsExactly("seen-items", "stories");
  }

  /** The topics the topology writes, its own repartition topics left out. */
  private static Set<String> sinks(Topology topology) {
    Set<String> topics = new TreeSet<>();
    nodes(topology, TopologyDescription.Sink.class).stream()
        .map(TopologyDescription.Sink::topic)
        .filter(topic -> !topic.endsWith("-repartition"))
        .forEach(topics::add);
    return topics;
  }

  private static Set<String> stores(Topology topology) {
    Set<String> stores = new TreeSet<>();
    nodes(topology, TopologyDescription.Processor.class).forEach(p -> stores.addAll(p.stores()));
    return stores;
  }

  private static <T> List<T> nodes(Topology topology, Class<T> kind) {
    return topology.describe().subtopologies().stream()
        .flatMap(sub -> sub.nodes().stream())
        .filter(kind::isInstance)
        .map(kind::cast)
        .toList();
  }
}
