/** The {@code bellwether} command and the wiring of its roles. */
@NullMarked
package dev.bellwether.app;

import org.jspecify.annotations.NullMarked;
