/** Listing pages of sites without a feed: items found with CSS selectors per source (jsoup). */
@NullMarked
package dev.bellwether.ingest.html;

import org.jspecify.annotations.NullMarked;
