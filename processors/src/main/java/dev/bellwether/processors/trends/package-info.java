/**
 * Windowed counts of tagged events per company and event type (hour and day windows, 30 days kept),
 * and the interactive query that answers them from any instance: local stores for the keys this
 * instance owns, the owning instance over HTTP for the others.
 */
@NullMarked
package dev.bellwether.processors.trends;

import org.jspecify.annotations.NullMarked;
