/**
 * RSS and Atom parsing with Rome, behind our own {@link dev.bellwether.ingest.feed.FeedEntry}; Rome
 * types never leave this package.
 */
@NullMarked
package dev.bellwether.ingest.feed;

import org.jspecify.annotations.NullMarked;
