/** The ingest workers' threads, and the records they consume but cannot use. */
@NullMarked
package dev.bellwether.ingest.work;

import org.jspecify.annotations.NullMarked;
