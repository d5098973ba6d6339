package dev.bellwether.ingest.feed;

import java.util.List;
import java.util.Objects;

/**
 * A feed as read: its format, its entries, and the problems that had to be worked around.
 *
 * @param format the wire format, e.g. {@code rss_2.0}, {@code atom_1.0}, {@code rss_1.0}, {@code
 *     cdf}, {@code json_feed_1.1}
 * @param charset the name of the character encoding the bytes were read with
 * @param entries the entries with a usable http(s) link, in document order
 * @param problems one sentence per defect that was worked around (feedparser's "bozo"): a broken
 *     document that was repaired, an encoding that did not match its declaration, a media type that
 *     is not a feed's; empty for a clean feed
 */
public record ParsedFeed(
    String format, String charset, List<FeedEntry> entries, List<String> problems) {
  public ParsedFeed {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(charset, "charset");
    entries = List.copyOf(entries);
    problems = List.copyOf(problems);
  }

  /** Whether the feed could only be read by working around problems. */
  public boolean recovered() {
    return !problems.isEmpty();
  }
}
