/** Printing records for people (readable lines) and for tools (JSON lines). */
@NullMarked
package dev.bellwether.app.console;

import org.jspecify.annotations.NullMarked;
