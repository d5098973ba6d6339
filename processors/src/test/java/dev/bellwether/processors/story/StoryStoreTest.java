package dev.bellwether.processors.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.story.FactReading;
import dev.bellwether.core.story.Fingerprint;
import dev.bellwether.core.story.Source;
import dev.bellwether.core.story.Story;
import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import dev.bellwether.core.watchlist.Watchlist;
import dev.bellwether.processors.StoryTopologyDriver;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code stories} store: one binary entry per story (format 2), read back exactly, older JSON
 * shelves (format 1) taken over, and the processor's object cache never disagreeing with the store.
 */
class StoryStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
  private static final CompanyKnowledgeBase KB = StoryTopologyDriver.knowledgeBase();

  @TempDir Path stateDir;
  private StoryTopologyDriver topology;
  private TopologyTestDriver driver;

  @AfterEach
  void close() {
    if (topology != null) {
      topology.close();
    }
  }

  @Test
  void aStoryReadsBackEqualToWhatWasWritten() {
    int[] print = new int[Fingerprint.SIZE];
    Arrays.fill(print, 7);
    print[3] = Integer.MIN_VALUE;
    Story story =
        new Story(
            "st-0123456789abcdef",
            EventType.FUNDING,
            List.of("Anthropic", "Amazon"),
            EventStatus.ANNOUNCED,
            false,
            true,
            T0,
            T0.plusSeconds(3600),
            List.of(
                new Source("Wire One", "https://wire.example/a", T0),
                new Source("Näyttö ✓", "https://daily.example/b?x=1&y=2", T0.plusSeconds(3600))),
            Map.of(
                "amount_usd",
                List.of(
                    new FactReading("13000000000", 2, T0),
                    new FactReading("12000000000", 1, T0.plusSeconds(60)))),
            Map.of("investors", List.of("Amazon", "Google")),
            List.of(Fingerprint.fromArray(print), Fingerprint.of("Anthropic raised money")));
    TrackedStory tracked = new TrackedStory(story, "Anthropic raises $13B", "", "funding", 3, 2);
    TrackedStory unalerted = new TrackedStory(story, "h", "s\n\"q\"", null, 0, 0);

    assertThat(StoryCodec.decode(StoryCodec.encode(tracked))).isEqualTo(tracked);
    assertThat(StoryCodec.decode(StoryCodec.encode(unalerted))).isEqualTo(unalerted);
  }

  @Test
  void bytesThatAreNotAFormatTwoStoryAreRefusedWithAReason() {
    byte[] good = StoryCodec.encode(tracked("st-1", T0));

    assertThatThrownBy(() -> StoryCodec.decode(new byte[0]))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not a format-2 story");
    assertThatThrownBy(() -> StoryCodec.decode("{\"format\":1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not a format-2 story");
    assertThatThrownBy(() -> StoryCodec.decode(Arrays.copyOf(good, good.length / 2)))
        .isInstanceOf(SerializationException.class);
    byte[] longer = Arrays.copyOf(good, good.length + 1);
    assertThatThrownBy(() -> StoryCodec.decode(longer))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("after a stored story");
    byte[] huge = good.clone();
    huge[1] = 0x7f; // the headline's length, now about two billion
    assertThatThrownBy(() -> StoryCodec.decode(huge))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("claims");
  }

  @Test
  void theCacheDropsLeastRecentlyUsedKeysBeyondItsBound() {
    ShelfCache cache = new ShelfCache(3);
    cache.put("a", List.of(tracked("st-a1", T0), tracked("st-a2", T0)));
    cache.put("b", List.of(tracked("st-b1", T0)));
    assertThat(cache.get("a")).hasSize(2); // a is now the most recently used
    cache.put("c", List.of(tracked("st-c1", T0)));

    assertThat(cache.get("b")).isNull();
    assertThat(cache.get("a")).hasSize(2);
    assertThat(cache.stories()).isEqualTo(3);

    cache.put("d", List.of(tracked("st-d1", T0), tracked("st-d2", T0), tracked("st-d3", T0)));
    assertThat(cache.get("d")).hasSize(3); // the key written stays even when alone over the bound
    assertThat(cache.stories()).isEqualTo(3);
  }

  @Test
  void eachStoryIsOneEntryUnderItsSignatureKey() {
    start();
    publish("a1", "Wire One", "Anthropic raises $13 billion", "Anthropic raised $13 billion.", T0);
    confirmAnthropic("a2", "Wire Two", T0.plusSeconds(3600));
    publish(
        "n1",
        "Wire One",
        "Nvidia to acquire Parallax Labs",
        "Nvidia agreed to acquire Parallax Labs for $900 million.",
        T0.plusSeconds(7200));

    List<TestRecord<String, Alert>> out = alerts();
    assertThat(out)
        .extracting(r -> r.value().getKind())
        .containsExactly(AlertKind.NEW, AlertKind.UPDATE, AlertKind.NEW);
    List<KeyValue<String, byte[]>> entries = entries();
    assertThat(entries).hasSize(2);
    for (KeyValue<String, byte[]> e : entries) {
      TrackedStory t = StoryCodec.decode(e.value);
      assertThat(e.key).endsWith(StoryProcessor.SEPARATOR + t.story().id());
    }
    TrackedStory anthropic =
        entries.stream()
            .map(e -> StoryCodec.decode(e.value))
            .filter(t -> t.story().type() == EventType.FUNDING)
            .findFirst()
            .orElseThrow();
    assertThat(anthropic.story().sources()).hasSize(2);
    assertThat(anthropic.alerts()).isEqualTo(2);
    assertThat(anthropic.story().id()).isEqualTo(out.get(0).key());
  }

  @Test
  void aFormatOneShelfIsTakenOverWhenItsKeyIsNextTouched() {
    start();
    publish("a1", "Wire One", "Anthropic raises $13 billion", "Anthropic raised $13 billion.", T0);
    String storyId = alerts().get(0).key();
    String signatureKey = rewriteAsFormatOne(entries().get(0));
    restartCacheBySweep(); // the processor's cache still held the story as format 2

    confirmAnthropic("a2", "Wire Two", T0.plusSeconds(3600));

    List<TestRecord<String, Alert>> out = alerts();
    assertThat(out)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.value().getKind()).isEqualTo(AlertKind.UPDATE);
              assertThat(r.key()).isEqualTo(storyId);
            });
    assertThat(entries())
        .singleElement()
        .satisfies(
            e -> assertThat(e.key).isEqualTo(signatureKey + StoryProcessor.SEPARATOR + storyId));
  }

  @Test
  void theSweepRewritesFormatOneAndDeletesClosedStories() {
    start();
    publish("a1", "Wire One", "Anthropic raises $13 billion", "Anthropic raised $13 billion.", T0);
    publish(
        "n1",
        "Wire One",
        "Nvidia to acquire Parallax Labs",
        "Nvidia agreed to acquire Parallax Labs for $900 million.",
        T0.plus(Duration.ofDays(1)).plusSeconds(3600));
    List<KeyValue<String, byte[]>> before = entries();
    assertThat(before).hasSize(2);
    before.forEach(this::rewriteAsFormatOne);
    // a third story four days on closes the first (72 h window) by the stories' own clock
    publish(
        "m1",
        "Wire Two",
        "Mistral raises $2 billion",
        "Mistral raised $2 billion in a round led by ASML.",
        T0.plus(Duration.ofDays(4)));

    driver.advanceWallClockTime(StoryProcessor.SWEEP.plusMinutes(1));

    List<String> keys = entries().stream().map(e -> e.key).toList();
    assertThat(keys).hasSize(2).allSatisfy(k -> assertThat(k).contains(StoryProcessor.SEPARATOR));
    assertThat(keys).noneMatch(k -> k.startsWith("FUNDING|lead:Anthropic"));
    assertThat(keys).anyMatch(k -> k.startsWith("ACQUISITION|"));
  }

  @Test
  void storiesReadBackFromTheStoreAfterTheCacheIsEmptiedGiveTheSameAlerts() {
    start();
    publish("a1", "Wire One", "Anthropic raises $13 billion", "Anthropic raised $13 billion.", T0);
    restartCacheBySweep();
    confirmAnthropic("a2", "Wire Two", T0.plusSeconds(3600));
    restartCacheBySweep();
    publish(
        "a3",
        "Wire Three",
        "Iconiq leads Anthropic's $13 billion raise",
        "Anthropic has raised $13 billion; Iconiq led the round, the company said.",
        T0.plusSeconds(7200));

    List<TestRecord<String, Alert>> out = alerts();
    assertThat(out)
        .extracting(r -> r.value().getKind())
        .containsExactly(AlertKind.NEW, AlertKind.UPDATE, AlertKind.UPDATE);
    assertThat(out).extracting(TestRecord::key).containsOnly(out.get(0).key());
    assertThat(out)
        .extracting(r -> r.value().getId())
        .containsExactly(out.get(0).key() + "-1", out.get(0).key() + "-2", out.get(0).key() + "-3");
  }

  /**
   * Turns a format-2 entry back into what an older version wrote: its key's shelf as one JSON value
   * under the bare signature key. Returns that key.
   */
  private String rewriteAsFormatOne(KeyValue<String, byte[]> entry) {
    String signatureKey = entry.key.substring(0, entry.key.indexOf(StoryProcessor.SEPARATOR));
    store().delete(entry.key);
    store().put(signatureKey, StoryShelfSerde.bytes(List.of(StoryCodec.decode(entry.value))));
    return signatureKey;
  }

  /** The hourly sweep empties the processor's object cache, so the next event reads the store. */
  private void restartCacheBySweep() {
    driver.advanceWallClockTime(StoryProcessor.SWEEP.plusMinutes(1));
  }

  private static TrackedStory tracked(String id, Instant at) {
    Story story =
        new Story(
            id,
            EventType.FUNDING,
            List.of("OpenAI"),
            EventStatus.ANNOUNCED,
            false,
            false,
            at,
            at,
            List.of(new Source("Wire", "https://wire.example/" + id, at)),
            Map.of(),
            Map.of(),
            List.of(Fingerprint.of("OpenAI raised money " + id)));
    return new TrackedStory(story, "OpenAI raises", "OpenAI raised money.", null, 0, 0);
  }

  private void start() {
    topology = new StoryTopologyDriver(stateDir, Watchlist.builtIn(KB), T0);
    driver = topology.driver();
  }

  private KeyValueStore<String, byte[]> store() {
    return driver.getKeyValueStore(StoryProcessor.STORE);
  }

  private List<KeyValue<String, byte[]>> entries() {
    List<KeyValue<String, byte[]>> out = new ArrayList<>();
    store().all().forEachRemaining(out::add);
    return out;
  }

  private void publish(String id, String outlet, String title, String text, Instant published) {
    topology.publish(id, outlet, title, text, published);
  }

  /** A second outlet's report of the Anthropic round of {@code a1}, an hour or more later. */
  private void confirmAnthropic(String id, String outlet, Instant published) {
    publish(
        id,
        outlet,
        "Anthropic closes $13 billion round",
        "Anthropic closed a $13 billion round led by Iconiq.",
        published);
  }

  private List<TestRecord<String, Alert>> alerts() {
    return topology.alerts();
  }
}
