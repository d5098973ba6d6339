package dev.bellwether.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.schemas.avro.FeedItem;
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
  void idIsTheFirst16BytesOfSha256OverSourceAndGuid() throws Exception {
    byte[] hash =
        MessageDigest.getInstance("SHA-256")
            .digest("frontier-wire\nfrontier-1001".getBytes(StandardCharsets.UTF_8));

    assertThat(FeedItemMapper.itemId("frontier-wire", ENTRY))
        .isEqualTo(HexFormat.of().formatHex(hash, 0, 16))
        .hasSize(32)
        .matches("[0-9a-f]+");
  }

  @Test
  void idFallsBackToTheLinkWithoutAGuid() {
    FeedEntry noGuid = new FeedEntry(null, ENTRY.link(), ENTRY.title(), null, null);
    FeedEntry sameLinkOtherTitle = new FeedEntry(null, ENTRY.link(), "Updated title", null, null);

    assertThat(FeedItemMapper.itemId("frontier-wire", noGuid))
        .isEqualTo(FeedItemMapper.itemId("frontier-wire", sameLinkOtherTitle))
        .isNotEqualTo(FeedItemMapper.itemId("frontier-wire", ENTRY))
        .isNotEqualTo(FeedItemMapper.itemId("other-source", noGuid));
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
}
