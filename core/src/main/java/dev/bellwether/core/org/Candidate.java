package dev.bellwether.core.org;

/**
 * Capitalized words that may name an organization, before the words around them are weighed.
 *
 * @param from the index of the first word
 * @param to the index after the last word of the name (a legal suffix is not part of it)
 * @param end the index after the last word of the surface, legal suffix included
 * @param name the name: the words {@code [from, to)}, single-spaced
 * @param listed whether the name is one of the well-known organizations outside technology
 * @param title whether the sentence is written in title case, as headlines are
 * @param acronym whether the name is a lone all-capital word of at most three letters ("SAP"),
 *     which only an event it takes part in makes an organization's
 */
record Candidate(
    int from, int to, int end, String name, boolean listed, boolean title, boolean acronym) {

  /** Whether the candidate's words lie within {@code other}'s. */
  boolean within(Candidate other) {
    return from >= other.from && end <= other.end;
  }
}
