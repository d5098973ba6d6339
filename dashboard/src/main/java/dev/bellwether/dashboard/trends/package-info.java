/**
 * {@code GET /api/trends}: windowed counts per company and event type as JSON. The route and its
 * JSON live here, beside the dashboard's other routes; the counts come from a {@link
 * dev.bellwether.dashboard.trends.TrendsSource} that whoever holds them supplies (the processors'
 * stores, or another instance over HTTP), so this module never depends on the processors.
 */
@NullMarked
package dev.bellwether.dashboard.trends;

import org.jspecify.annotations.NullMarked;
