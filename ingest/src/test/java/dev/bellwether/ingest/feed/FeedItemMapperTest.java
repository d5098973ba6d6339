package dev.bellwether.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.schemas.avro.FeedItem;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FeedItemMapperTest {
  private static final SourceDefinition SOURCE =
      new SourceDefinition(
          "frontier-wire",
          "rss",
          "Frontier Wire",
          URI.create("https://frontier.example/feed.xml"),
          Duration.ofMinutes(10),
          false);
  private static final FeedEntry ENTRY =
      new FeedEntry(
          "frontier-1001",
          URI.create("https://frontier.example/2025/anthropic-round"),
          "Anthropic raises $2 billion round",
          "Led by Example Capital.",
          Instant.parse("2025-06-03T14:30:00.123456Z"));

  @Test
  void idIsTheFirst16BytesOfSha256OverTheCanonicalLink() throws Exception {
    byte[] hash =
        MessageDigest.getInstance("SHA-256")
            .digest(
                "link\nhttps://frontier.example/2025/anthropic-round"
                    .getBytes(StandardCharsets.UTF_8));

    assertThat(FeedItemMapper.itemId("frontier-wire", ENTRY))
        .isEqualTo(HexFormat.of().formatHex(hash, 0, 16))
        .hasSize(32)
        .matches("[0-9a-f]+");
  }

  @Test
  void theSameArticleInTwoFeedsIsOneItem() {
    FeedEntry syndicated =
        new FeedEntry(
            "urn:aggregator:77",
            URI.create("http://Frontier.example/2025/anthropic-round?utm_source=agg#top"),
            "Anthropic raises $2B",
            null,
            null);

    assertThat(FeedItemMapper.itemId("aggregator", syndicated))
        .isEqualTo(FeedItemMapper.itemId("frontier-wire", ENTRY));
  }

  @Test
  void idSurvivesGuidChurnAndTrackingParameters() {
    FeedEntry republished =
        new FeedEntry(
            "frontier-1001-rev2",
            URI.create("https://frontier.example/2025/anthropic-round?fbclid=abc&utm_medium=rss"),
            "Anthropic raises $2 billion round (updated)",
            null,
            null);

    assertThat(FeedItemMapper.itemId("frontier-wire", republished))
        .isEqualTo(FeedItemMapper.itemId("frontier-wire", ENTRY));
  }

  @Test
  void differentArticlesGetDifferentIds() {
    FeedEntry other =
        new FeedEntry(
            "frontier-1001",
            URI.create("https://frontier.example/2025/nvidia-export-rules"),
            ENTRY.title(),
            null,
            null);

    assertThat(FeedItemMapper.itemId("frontier-wire", other))
        .isNotEqualTo(FeedItemMapper.itemId("frontier-wire", ENTRY));
  }

  @Test
  void fallsBackToSourceAndGuidWhenEveryEntryLinksTheHomePage() throws Exception {
    FeedEntry first =
        new FeedEntry("post-1", URI.create("https://frontier.example/"), "One", null, null);
    FeedEntry second =
        new FeedEntry("post-2", URI.create("https://frontier.example/"), "Two", null, null);
    byte[] hash =
        MessageDigest.getInstance("SHA-256")
            .digest("guid\nfrontier-wire\npost-1".getBytes(StandardCharsets.UTF_8));

    assertThat(FeedItemMapper.itemId("frontier-wire", first))
        .isEqualTo(HexFormat.of().formatHex(hash, 0, 16))
        .isNotEqualTo(FeedItemMapper.itemId("frontier-wire", second));
  }

  @Test
  void mapsEveryField() {
    Instant discovered = Instant.parse("2025-06-03T15:00:00Z");

    FeedItem item = FeedItemMapper.toAvro(ENTRY, SOURCE, discovered);

    assertThat(item.getId()).isEqualTo(FeedItemMapper.itemId("frontier-wire", ENTRY));
    assertThat(item.getSourceId()).isEqualTo("frontier-wire");
    assertThat(item.getSourceType()).isEqualTo("rss");
    assertThat(item.getOutlet()).isEqualTo("Frontier Wire");
    assertThat(item.getUrl()).isEqualTo("https://frontier.example/2025/anthropic-round");
    assertThat(item.getGuid()).isEqualTo("frontier-1001");
    assertThat(item.getTitle()).isEqualTo("Anthropic raises $2 billion round");
    assertThat(item.getSummary()).isEqualTo("Led by Example Capital.");
    assertThat(item.getPublished()).isEqualTo(Instant.parse("2025-06-03T14:30:00.123Z"));
    assertThat(item.getDiscovered()).isEqualTo(discovered);
    assertThat(item.getAttributes()).isEmpty();
  }

  /** Issue 10: a 1 MiB single-line title must not make an item larger than Kafka accepts. */
  @Test
  void cutsAHugeTitleSoTheItemStillFitsInOneKafkaRecord() {
    String huge = "Anthropic raises money " + "A".repeat(1024 * 1024);
    FeedEntry entry = new FeedEntry("huge-1", ENTRY.link(), huge, null, null);

    FeedItem item = FeedItemMapper.toAvro(entry, SOURCE, Instant.EPOCH);

    assertThat(item.getTitle())
        .hasSize(EntryFields.MAX_TITLE_CHARS)
        .startsWith("Anthropic raises money AAA")
        .endsWith("A\u2026");
    assertThat(BellwetherSerdes.feedItem().serialize("t", item).length).isLessThan(16 * 1024);
  }
}
