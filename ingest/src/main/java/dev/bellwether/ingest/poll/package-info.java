/**
 * Polling sources on schedule and the Kafka side of ingest: sources in from the compacted topic,
 * feed items and dead letters out.
 */
@NullMarked
package dev.bellwether.ingest.poll;

import org.jspecify.annotations.NullMarked;
