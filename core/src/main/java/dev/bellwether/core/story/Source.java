package dev.bellwether.core.story;

import java.time.Instant;
import java.util.Objects;

/** An article a story cites: who published it, where, and when. A story holds each URL once. */
public record Source(String outlet, String url, Instant published) {
  public Source {
    Objects.requireNonNull(outlet, "outlet");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(published, "published");
  }
}
