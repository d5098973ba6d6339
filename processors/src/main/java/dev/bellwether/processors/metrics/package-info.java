/** What the processors count and time, as Micrometer meters named {@code bellwether.*}. */
@NullMarked
package dev.bellwether.processors.metrics;

import org.jspecify.annotations.NullMarked;
