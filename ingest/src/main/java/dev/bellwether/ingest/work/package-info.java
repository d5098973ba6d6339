/** The ingest workers' threads. */
@NullMarked
package dev.bellwether.ingest.work;

import org.jspecify.annotations.NullMarked;
