/** Turns tagged events that a watchlist rule matches into alerts. */
@NullMarked
package dev.bellwether.processors.alert;

import org.jspecify.annotations.NullMarked;
