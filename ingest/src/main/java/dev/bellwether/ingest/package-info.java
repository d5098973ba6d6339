/**
 * Sources to Kafka. {@code source} reads the sources file, {@code http} fetches politely and
 * defensively, {@code feed} turns RSS and Atom into {@link dev.bellwether.ingest.feed.FeedEntry}
 * values, and {@code poll} schedules the polls and writes what they find to Kafka.
 */
@NullMarked
package dev.bellwether.ingest;

import org.jspecify.annotations.NullMarked;
