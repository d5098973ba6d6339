/** Watchlist rules that decide which detected events become alerts, and where they go. */
@NullMarked
package dev.bellwether.core.watchlist;

import org.jspecify.annotations.NullMarked;
