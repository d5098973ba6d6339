package dev.bellwether.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.core.tagging.Tagger;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class StageLadderTest {
  @Test
  void everyRungReadsTheDiscoveredItemsAndWritesOnlyItsOwnTopics() {
    for (StageLadder.Stage stage : StageLadder.stages(Tagger.builtIn())) {
      Topology topology = stage.topology().get();

      assertThat(LoadHarness.sourceTopics(topology))
          .as(stage.name())
          .containsExactly("bellwether.discovered");
      assertThat(sinks(topology)).as(stage.name()).isSubsetOf(StageLadder.OUTPUTS);
    }
  }

  @Test
  void eachRungDoesMoreThanTheOneBefore() {
    var stages = StageLadder.stages(Tagger.builtIn());

    assertThat(sinks(stages.get(0).topology().get())).containsExactly(StageLadder.ITEMS_OUT);
    assertThat(stores(stages.get(0).topology().get())).isEmpty();
    assertThat(stores(stages.get(1).topology().get())).containsExactly("seen-items");
    assertThat(sinks(stages.get(2).topology().get()))
        .containsExactlyInAnyOrderElementsOf(StageLadder.OUTPUTS);
    assertThat(stores(stages.get(2).topology().get())).containsExactly("seen-items");
  }

  private static Set<String> sinks(Topology topology) {
    Set<String> topics = new TreeSet<>();
    nodes(topology, TopologyDescription.Sink.class).forEach(sink -> topics.add(sink.topic()));
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
