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
 */
record Candidate(int from, int to, int end, String name, boolean listed, boolean title) {}
