package dev.bellwether.ingest.feed;

import dev.bellwether.ingest.IngestException;
import org.jspecify.annotations.Nullable;

/** A document that is not a usable feed; the message is one sentence saying why. */
public final class FeedParseException extends IngestException {
  public FeedParseException(String reason, @Nullable Throwable cause) {
    super(reason, cause);
  }
}
