package dev.bellwether.core.tagging;

/** A sentence of a tagged text and its character offsets in that text. */
record Sentence(String text, int start, int end) {
  Evidence evidence() {
    return new Evidence(text, start, end);
  }
}
