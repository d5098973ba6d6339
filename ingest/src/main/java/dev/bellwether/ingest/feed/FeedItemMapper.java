package dev.bellwether.ingest.feed;

import dev.bellwether.ingest.identity.CanonicalUrl;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.schemas.avro.FeedItem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

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
        .setTitle(EntryFields.capTitle(entry.title()))
        .setSummary(entry.summary())
        .setPublished(entry.published() == null ? null : millis(entry.published()))
        .setDiscovered(millis(discovered))
        .setAttributes(entry.attributes())
        .build();
  }

  /**
   * The canonical item id: lowercase hex of the first 16 bytes of SHA-256 over the item's identity.
   *
   * <p>The identity is the entry's link in {@link CanonicalUrl} form ({@code "link\n" +
   * canonical}), so the id survives GUID churn and tracking parameters, and the same article in two
   * feeds is one item. Only when the link is unusable as an identity does the id fall back to the
   * source and the GUID ({@code "guid\n" + sourceId + "\n" + guid}): when the link is not http(s),
   * or when it is a bare site root (path {@code /}, no query) while the entry has a GUID, because
   * some feeds give every entry the home page as its link. Without a GUID the link is used as it
   * is.
   */
  public static String itemId(String sourceId, FeedEntry entry) {
    byte[] hash = sha256(identity(sourceId, entry).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash, 0, 16);
  }

  private static String identity(String sourceId, FeedEntry entry) {
    String guid = entry.guid();
    Optional<String> link = CanonicalUrl.of(entry.link());
    if (link.isPresent() && !(guid != null && isSiteRoot(entry.link()))) {
      return "link\n" + link.get();
    }
    return "guid\n" + sourceId + "\n" + (guid != null ? guid : entry.link().toString());
  }

  private static boolean isSiteRoot(URI link) {
    String path = link.getRawPath();
    return (path == null || path.isEmpty() || path.equals("/")) && link.getRawQuery() == null;
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
