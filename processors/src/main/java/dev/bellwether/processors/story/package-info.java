/**
 * Stories in the topology: each tagged event joins the open story of its kind about the same
 * companies (or starts one), kept in a changelogged store, and the watchlist decides which stories
 * alert: one {@code NEW}, then {@code UPDATE}s.
 */
@NullMarked
package dev.bellwether.processors.story;

import org.jspecify.annotations.NullMarked;
