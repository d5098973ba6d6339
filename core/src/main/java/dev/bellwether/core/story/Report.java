package dev.bellwether.core.story;

import java.time.Instant;
import java.util.Objects;

/**
 * One outlet's report of one event: what a story is built from. An article that reports two events
 * gives two reports.
 *
 * @param articleId the article's stable id (the item id)
 * @param outlet the source's name ("Reuters")
 * @param fingerprint of the article's title and text
 */
public record Report(
    String articleId,
    String outlet,
    String url,
    Instant published,
    StoryEvent event,
    Fingerprint fingerprint) {
  public Report {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(outlet, "outlet");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** A report whose fingerprint is computed from the article's title and text. */
  public static Report of(
      String articleId,
      String outlet,
      String url,
      Instant published,
      String title,
      String text,
      StoryEvent event) {
    return new Report(
        articleId, outlet, url, published, event, Fingerprint.of(title + "\n\n" + text));
  }

  /** The source this report adds to a story. */
  public Source source() {
    return new Source(outlet, url, published);
  }
}
