package dev.bellwether.core.org;

import java.util.Objects;

/**
 * An organization named in a text that the knowledge base does not know.
 *
 * @param name the organization's name: the surface without a legal suffix ("Apex Labs")
 * @param surface the words of the text that named it ("Apex Labs, Inc.")
 * @param start where the surface starts in the text
 * @param end where the surface ends in the text (exclusive)
 * @param kind whether it is a technology company or another kind of organization
 */
public record OrgMention(String name, String surface, int start, int end, Kind kind) {

  /** What an organization is, as far as the list of companies in a story goes. */
  public enum Kind {
    /** A technology or AI company or startup: it belongs among a story's companies. */
    TECH,
    /**
     * A fund, venture firm, bank, government, agency, regulator, university, news outlet or company
     * outside technology: it may be a party to an event but is not among the companies.
     */
    OTHER
  }

  public OrgMention {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(surface, "surface");
    Objects.requireNonNull(kind, "kind");
    if (name.isBlank()) {
      throw new IllegalArgumentException("blank organization name");
    }
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }
}
