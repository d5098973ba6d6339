package dev.bellwether.core.tagging;

import java.util.Objects;

/** A company named in a text: its canonical name and the words that named it. */
public record CompanyMention(String company, String surface, int start, int end) {
  public CompanyMention {
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(surface, "surface");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }
}
