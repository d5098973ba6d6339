/**
 * {@code GET /api/trends} on the ops server of the roles that run the processors: windowed counts
 * per company and event type, answered for every key by any instance.
 */
@NullMarked
package dev.bellwether.app.trends;

import org.jspecify.annotations.NullMarked;
