package dev.bellwether.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.ingest.http.PolitenessSettings;
import dev.bellwether.ingest.http.Validators;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.schemas.avro.FeedItem;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SourceSchedulerTest {
  private static final Instant NOW = Instant.parse("2025-06-05T12:00:00Z");

  private final SourceScheduler scheduler =
      new SourceScheduler(PolitenessSettings.defaults(), () -> 0.5);

  private static SourceDefinition source(String id, String host) {
    return new SourceDefinition(
        id, "rss", id, URI.create("https://" + host + "/feed"), Duration.ofMinutes(10), false);
  }

  private static PollAttempt fetched(SourceDefinition source, String... itemIds) {
    List<FeedItem> items = java.util.Arrays.stream(itemIds).map(SourceSchedulerTest::item).toList();
    PollResult result = new PollResult.Fetched(source, source.url(), 200, items, Validators.none());
    return new PollAttempt(result, NOW, Duration.ofMillis(12), 2048, null, null);
  }

  private static PollAttempt failed(
      SourceDefinition source, String kind, boolean retriable, @Nullable Instant retryAfter) {
    PollResult result =
        new PollResult.Failed(source, "ingest.http", kind, "no", retriable, new byte[0], 0, 0);
    return new PollAttempt(result, NOW, Duration.ofMillis(3), 0, retryAfter, null);
  }

  private static FeedItem item(String id) {
    return FeedItem.newBuilder()
        .setId(id)
        .setSourceId("s")
        .setSourceType("rss")
        .setOutlet("o")
        .setUrl("https://x.example/" + id)
        .setTitle("t")
        .setDiscovered(NOW)
        .build();
  }

  @Test
  void startsNewSourcesAtOnceButOnlyOnePerHostPerSecond() {
    scheduler.put(source("a", "wire.example"), 0, NOW);
    scheduler.put(source("b", "wire.example"), 0, NOW);
    scheduler.put(source("c", "makers.example"), 1, NOW);

    List<String> first = ids(scheduler.takeDue(NOW, id -> false));
    Set<String> started = Set.copyOf(first);
    List<String> halfASecondLater = ids(scheduler.takeDue(NOW.plusMillis(500), started::contains));
    List<String> aSecondLater = ids(scheduler.takeDue(NOW.plusSeconds(1), started::contains));

    assertThat(first).hasSize(2).contains("c").containsAnyOf("a", "b");
    assertThat(halfASecondLater).isEmpty();
    assertThat(aSecondLater).hasSize(1).doesNotContainAnyElementsOf(first);
  }

  private static List<String> ids(List<SourceDefinition> sources) {
    return sources.stream().map(SourceDefinition::id).toList();
  }

  @Test
  void skipsSourcesThatAreBeingPolled() {
    scheduler.put(source("a", "wire.example"), 0, NOW);

    assertThat(scheduler.takeDue(NOW, "a"::equals)).isEmpty();
  }

  @Test
  void keepsStatisticsOfEachPoll() {
    SourceDefinition wire = source("wire", "wire.example");
    scheduler.put(wire, 0, NOW);
    scheduler.record(fetched(wire, "01", "02"), NOW);
    scheduler.record(fetched(wire, "02", "03", "04"), NOW.plusSeconds(600));
    scheduler.record(failed(wire, "TIMEOUT", true, null), NOW.plusSeconds(900));

    SourceStats stats = scheduler.stats().sources().get("wire");

    assertThat(stats.polls()).isEqualTo(3);
    assertThat(stats.itemsFound()).isEqualTo(5);
    assertThat(stats.newItems()).isEqualTo(2);
    assertThat(stats.bytesFetched()).isEqualTo(4096);
    assertThat(stats.errorsByKind()).containsExactly(Map.entry("TIMEOUT", 1L));
    assertThat(stats.lastAttempt()).isEqualTo(NOW);
    assertThat(stats.lastSuccess()).isEqualTo(NOW);
    assertThat(stats.lastLatency()).isEqualTo(Duration.ofMillis(3));
    assertThat(stats.currentInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(stats.nextDue()).isEqualTo(NOW.plusSeconds(900).plus(Duration.ofMinutes(5)));
  }

  @Test
  void countsRefusalsByKindButNotServerFailures() {
    SourceDefinition wire = source("wire", "wire.example");
    scheduler.put(wire, 0, NOW);
    scheduler.record(failed(wire, "ROBOTS_DISALLOWED", false, null), NOW);
    scheduler.record(failed(wire, "BLOCKED_ADDRESS", false, null), NOW);
    scheduler.record(failed(wire, "ROBOTS_DISALLOWED", false, null), NOW);
    scheduler.record(failed(wire, "HTTP_STATUS", true, null), NOW);
    scheduler.record(failed(wire, "PARSE", false, null), NOW);

    assertThat(scheduler.stats().refusals())
        .containsOnly(Map.entry("ROBOTS_DISALLOWED", 2L), Map.entry("BLOCKED_ADDRESS", 1L));
  }

  @Test
  void holdsBackEverySourceOfAHostThatSentRetryAfter() {
    SourceDefinition limited = source("limited", "busy.example");
    SourceDefinition sibling = source("sibling", "busy.example");
    scheduler.put(limited, 0, NOW);
    scheduler.put(sibling, 0, NOW.plusSeconds(5));
    Instant retryAt = NOW.plus(Duration.ofHours(1));

    scheduler.record(failed(limited, "HTTP_STATUS", true, retryAt), NOW);

    assertThat(scheduler.takeDue(NOW.plusSeconds(5), id -> false)).isEmpty();
    assertThat(scheduler.stats().sources().get("limited").nextDue()).isEqualTo(retryAt);
    assertThat(scheduler.stats().sources().get("sibling").nextDue()).isEqualTo(retryAt);
  }

  @Test
  void removesTheSourcesOfRevokedPartitions() {
    scheduler.put(source("a", "a.example"), 0, NOW);
    scheduler.put(source("b", "b.example"), 1, NOW);
    scheduler.put(source("c", "c.example"), 2, NOW);

    assertThat(scheduler.removePartitions(Set.of(0, 2))).containsExactlyInAnyOrder("a", "c");
    assertThat(scheduler.ids()).containsExactly("b");
  }

  @Test
  void ignoresResultsOfSourcesThatWereRemovedMeanwhile() {
    SourceDefinition gone = source("gone", "gone.example");
    scheduler.put(gone, 0, NOW);
    scheduler.remove("gone");

    scheduler.record(fetched(gone, "01"), NOW);

    assertThat(scheduler.stats().sources()).isEmpty();
  }

  @Test
  void keepsASourceWhenATombstoneArrivesOnTheOldPartitionAfterItMoved() {
    scheduler.put(source("moved", "moved.example"), 0, NOW);
    scheduler.put(source("moved", "moved.example"), 3, NOW);

    assertThat(scheduler.removeFrom("moved", 0)).isFalse();
    assertThat(scheduler.ids()).containsExactly("moved");
    assertThat(scheduler.removeFrom("moved", 3)).isTrue();
    assertThat(scheduler.ids()).isEmpty();
  }
}
