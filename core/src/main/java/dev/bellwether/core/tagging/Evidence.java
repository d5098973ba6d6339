package dev.bellwether.core.tagging;

import java.util.Objects;

/** The sentence an event was read from and its character offsets in the tagged text. */
public record Evidence(String text, int start, int end) {
  public Evidence {
    Objects.requireNonNull(text, "text");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }
}
