/**
 * Scoring the tagger against hand-labeled texts: labeled items and events as plain records, and a
 * {@link dev.bellwether.core.eval.Scorecard} that matches them by the rules of the shared {@code
 * score_events.py}. Pure: no JSON and no I/O; the app reads and writes the files.
 */
@NullMarked
package dev.bellwether.core.eval;

import org.jspecify.annotations.NullMarked;
