package dev.bellwether.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.ingest.source.SourcesFile;
import dev.bellwether.schemas.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class SourcePartitionerTest {
  private static final int PARTITIONS = 6;
  private static final String TOPIC = Topics.SOURCES.name();

  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(
          cluster(PARTITIONS), true, null, new StringSerializer(), new ByteArraySerializer());

  private static Cluster cluster(int partitions) {
    Node node = new Node(0, "localhost", 9092);
    List<PartitionInfo> infos = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      infos.add(new PartitionInfo(TOPIC, p, node, new Node[] {node}, new Node[] {node}));
    }
    return new Cluster("test", List.of(node), infos, Set.of(), Set.of());
  }

  static SourceDefinition edgar(String id) {
    return new SourceDefinition(
        id,
        "edgar",
        id,
        URI.create("https://www.sec.gov/cgi-bin/browse-edgar?CIK=" + id),
        Duration.ofMinutes(10),
        false,
        Duration.ofMinutes(5),
        Duration.ofHours(1),
        Map.of("cik", "0000000001", "forms", "8-K", "user-agent", "Desk desk@example.org"));
  }

  static SourceDefinition rss(String id) {
    return new SourceDefinition(
        id,
        "rss",
        id,
        URI.create("https://" + id + ".example/feed"),
        Duration.ofMinutes(10),
        false);
  }

  @Test
  void putsEveryEdgarSourceOnOnePartition() {
    assertThat(IntStream.range(0, 50).mapToObj(i -> edgar("company-" + i)))
        .allSatisfy(
            s ->
                assertThat(SourcePartitioner.partition(s, PARTITIONS))
                    .isEqualTo(SourcePartitioner.EDGAR_PARTITION));
  }

  @Test
  void spreadsOtherSourcesAsKafkasDefaultPartitionerWould() {
    for (int i = 0; i < 50; i++) {
      String id = "outlet-" + i;
      int expected =
          BuiltInPartitioner.partitionForKey(
              new StringSerializer().serialize(TOPIC, id), PARTITIONS);

      assertThat(SourcePartitioner.partition(rss(id), PARTITIONS)).isEqualTo(expected);
    }
    assertThat(
            IntStream.range(0, 50)
                .map(i -> SourcePartitioner.partition(rss("outlet-" + i), PARTITIONS))
                .distinct()
                .count())
        .isGreaterThan(1);
  }

  @Test
  void refusesATopicWithoutPartitions() {
    assertThatThrownBy(() -> SourcePartitioner.partition(rss("a"), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void publishesEachSourceToItsPartition() {
    SourcesFile file = new SourcesFile(List.of(edgar("sec-a"), rss("wire"), edgar("sec-b")), false);

    SourcePublisher.publish(producer, file);

    assertThat(producer.history())
        .extracting(ProducerRecord::key, ProducerRecord::partition)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("sec-a", 0),
            org.assertj.core.groups.Tuple.tuple(
                "wire", SourcePartitioner.partition(rss("wire"), PARTITIONS)),
            org.assertj.core.groups.Tuple.tuple("sec-b", 0));
  }

  @Test
  void retiresASourceOnEveryPartition() {
    SourcePublisher.retire(producer, "gone");

    assertThat(producer.history())
        .hasSize(PARTITIONS)
        .allSatisfy(
            r -> {
              assertThat(r.key()).isEqualTo("gone");
              assertThat(r.value()).isNull();
            })
        .extracting(ProducerRecord::partition)
        .containsExactly(0, 1, 2, 3, 4, 5);
  }

  @Test
  void syncTombstonesRemovedSourcesAndTheOldPartitionOfMovedOnes() {
    String moved =
        IntStream.range(0, 100)
            .mapToObj(i -> "moved-" + i)
            .filter(id -> SourcePartitioner.partition(rss(id), PARTITIONS) != 0)
            .findFirst()
            .orElseThrow();
    int hashed = SourcePartitioner.partition(rss(moved), PARTITIONS);
    SourcesFile file = new SourcesFile(List.of(edgar(moved), rss("wire")), false);
    Map<String, Set<Integer>> live =
        Map.of(
            moved,
            Set.of(hashed),
            "wire",
            Set.of(SourcePartitioner.partition(rss("wire"), PARTITIONS)),
            "gone",
            Set.of(3));

    Set<String> retired = SourcePublisher.sync(producer, file, live);

    assertThat(retired).containsExactly("gone");
    assertThat(producer.history())
        .allSatisfy(r -> assertThat(r.value()).isNull())
        .extracting(ProducerRecord::key, ProducerRecord::partition)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("gone", 3),
            org.assertj.core.groups.Tuple.tuple(moved, hashed));
  }
}
