/**
 * The learned side of event tagging: sentences as vectors ({@link
 * dev.bellwether.core.learn.SentenceEncoder}, implemented outside core by an in-process ONNX
 * model), a linear classifier per event type over those vectors ({@link
 * dev.bellwether.core.learn.EventModel}) and its training ({@link
 * dev.bellwether.core.learn.LogisticRegression}). Pure Java; the rules stay in {@code
 * core.tagging}.
 */
@NullMarked
package dev.bellwether.core.learn;

import org.jspecify.annotations.NullMarked;
