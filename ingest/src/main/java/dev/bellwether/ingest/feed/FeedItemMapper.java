package dev.bellwether.ingest.feed;

import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.schemas.avro.FeedItem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** Converts a {@link FeedEntry} found at a source into the Avro {@link FeedItem}. */
public final class FeedItemMapper {
  private FeedItemMapper() {}

  public static FeedItem toAvro(FeedEntry entry, SourceDefinition source, Instant discovered) {
    return FeedItem.newBuilder()
        .setId(itemId(source.id(), entry))
        .setSourceId(source.id())
        .setSourceType(source.type())
        .setOutlet(source.name())
        .setUrl(entry.link().toString())
        .setGuid(entry.guid())
        .setTitle(entry.title())
        .setSummary(entry.summary())
        .setPublished(entry.published() == null ? null : millis(entry.published()))
        .setDiscovered(millis(discovered))
        .setAttributes(entry.attributes())
        .build();
  }

  /**
   * The canonical item id: lowercase hex of the first 16 bytes of SHA-256 over {@code sourceId +
   * "\n" + (guid or link)}. The same entry seen again at the same source gets the same id.
   */
  public static String itemId(String sourceId, FeedEntry entry) {
    String identity = entry.guid() != null ? entry.guid() : entry.link().toString();
    byte[] hash = sha256((sourceId + "\n" + identity).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash, 0, 16);
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static Instant millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
