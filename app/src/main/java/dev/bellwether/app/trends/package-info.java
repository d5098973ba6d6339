/**
 * The counts behind the dashboard's {@code GET /api/trends} ({@link
 * dev.bellwether.dashboard.trends.TrendsRoute}): the processors' windowed counts per company and
 * event type ({@link dev.bellwether.app.trends.ProcessorsTrends}), answered for every key by any
 * instance, which asks its peers over HTTP; or a processors instance asked by a role that holds no
 * counts ({@link dev.bellwether.app.trends.RemoteTrends}).
 */
@NullMarked
package dev.bellwether.app.trends;

import org.jspecify.annotations.NullMarked;
