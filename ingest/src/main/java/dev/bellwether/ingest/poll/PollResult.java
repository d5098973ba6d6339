package dev.bellwether.ingest.poll;

import dev.bellwether.ingest.http.Validators;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.schemas.avro.FeedItem;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/** What one poll of one source came to. */
public sealed interface PollResult {
  SourceDefinition source();

  /**
   * The feed was fetched and parsed.
   *
   * @param items one per distinct entry, ids unique
   * @param validators to send on the next poll, once the items are safely written
   */
  record Fetched(
      SourceDefinition source,
      URI finalUrl,
      int status,
      List<FeedItem> items,
      Validators validators)
      implements PollResult {
    public Fetched {
      items = List.copyOf(items);
    }
  }

  /** The server answered 304: nothing new since the last poll. */
  record NotModified(SourceDefinition source) implements PollResult {}

  /**
   * The poll failed.
   *
   * @param stage {@code ingest.http} or {@code ingest.feed}, as written to the dead-letter topic
   * @param kind a {@link dev.bellwether.ingest.http.FetchException.Kind} name, or {@code PARSE}
   * @param reason one sentence
   * @param retriable whether polling again later may succeed
   * @param original the start of the offending bytes, at most {@link
   *     dev.bellwether.schemas.DeadLetters#MAX_ORIGINAL_BYTES}
   * @param originalSize how many bytes there were before truncation
   * @param status the HTTP status the server answered with, 0 when it answered none (refused by
   *     policy, timed out, unreachable) or when the failure is not the server's answer's status
   */
  record Failed(
      SourceDefinition source,
      String stage,
      String kind,
      String reason,
      boolean retriable,
      byte[] original,
      long originalSize,
      int status)
      implements PollResult {
    public static final String STAGE_HTTP = "ingest.http";
    public static final String STAGE_FEED = "ingest.feed";

    public Failed {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(reason, "reason");
      original = original.clone();
    }

    @Override
    public byte[] original() {
      return original.clone();
    }
  }
}
