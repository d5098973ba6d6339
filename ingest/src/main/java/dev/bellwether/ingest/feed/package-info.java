/**
 * Feed parsing that survives the real web: RSS 0.9x/1.0/2.0, Atom 0.3/1.0 (through Rome), CDF and
 * JSON Feed, behind our own {@link dev.bellwether.ingest.feed.FeedEntry}; Rome and JDOM types never
 * leave this package. {@link dev.bellwether.ingest.feed.FeedParser} is the entry point, {@link
 * dev.bellwether.ingest.feed.FeedCheck} checks files offline.
 */
@NullMarked
package dev.bellwether.ingest.feed;

import org.jspecify.annotations.NullMarked;
