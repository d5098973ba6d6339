package dev.bellwether.ingest.feed;

import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Rules for entry fields that every feed format shares: links and summary length. */
final class EntryFields {
  /** Summaries longer than this many characters are cut, ending with an ellipsis. */
  static final int MAX_SUMMARY_CHARS = 8192;

  /**
   * Titles longer than this many characters are cut, ending with an ellipsis: a hostile feed's 1
   * MiB title would otherwise make an item larger than Kafka accepts (issue 10).
   */
  static final int MAX_TITLE_CHARS = 1024;

  private EntryFields() {}

  /** {@code href} resolved against {@code base}, if the result is an http(s) URL. */
  static @Nullable URI absoluteHttp(URI base, @Nullable String href) {
    if (href == null || href.isBlank()) {
      return null;
    }
    try {
      URI resolved = base.resolve(href.strip());
      String scheme = resolved.getScheme();
      boolean http = scheme != null && scheme.toLowerCase(Locale.ROOT).startsWith("http");
      return http && resolved.getHost() != null ? resolved : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The summary, cut to {@link #MAX_SUMMARY_CHARS} with an ellipsis. */
  static @Nullable String capSummary(@Nullable String summary) {
    return summary == null ? null : TextCut.toLength(summary, MAX_SUMMARY_CHARS);
  }

  /** The title, cut to {@link #MAX_TITLE_CHARS} with an ellipsis. */
  static String capTitle(String title) {
    return TextCut.toLength(title, MAX_TITLE_CHARS);
  }
}
