/** The sources file: which feeds to poll, how often, and whether private addresses are allowed. */
@NullMarked
package dev.bellwether.ingest.source;

import org.jspecify.annotations.NullMarked;
