/**
 * The learned event model's runtime side: the in-process sentence encoder (ONNX, from a Maven
 * artifact) and the built-in trained weights.
 */
@NullMarked
package dev.bellwether.processors.model;

import org.jspecify.annotations.NullMarked;
