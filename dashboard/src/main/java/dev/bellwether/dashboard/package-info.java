/**
 * The analysts' dashboard: a live alert feed, story pages and trends, server-rendered HTML with
 * small scripts, and the JSON API behind them. It reads the alerts topic into a bounded in-memory
 * {@link dev.bellwether.dashboard.AlertLog} and never writes anywhere.
 */
@NullMarked
package dev.bellwether.dashboard;

import org.jspecify.annotations.NullMarked;
