package dev.bellwether.ingest.poll;

import dev.bellwether.ingest.feed.FeedEntry;
import dev.bellwether.ingest.http.HttpResponseData;
import dev.bellwether.ingest.source.SourceDefinition;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** How one type of source is fetched and read; {@link SourceReaders} holds one per type. */
public interface SourceReader {
  /** Where to fetch {@code source}. */
  default URI requestUrl(SourceDefinition source) {
    return source.url();
  }

  /** The User-Agent to send; null for the configured default. */
  default @Nullable String userAgent(SourceDefinition source) {
    return null;
  }

  /**
   * Blocks until the request may be sent (a rate budget).
   *
   * @throws dev.bellwether.ingest.http.FetchException if it may not be sent soon enough
   */
  default void awaitTurn(SourceDefinition source) {}

  /**
   * The entries of a fetched response.
   *
   * @throws dev.bellwether.ingest.feed.FeedParseException if the body is not what this type of
   *     source serves; the message is one sentence saying why
   */
  List<FeedEntry> read(SourceDefinition source, HttpResponseData response);
}
