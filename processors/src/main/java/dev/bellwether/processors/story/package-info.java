/**
 * Stories in the topology: every tagged article reaches the one story task, whose {@link
 * dev.bellwether.core.story.StoryBook} groups its reports with the open stories by what they say;
 * the stories are kept in a changelogged store (Avro {@code StoredStory} by story id) and the
 * watchlist decides which stories alert: one {@code NEW}, then {@code UPDATE}s.
 */
@NullMarked
package dev.bellwether.processors.story;

import org.jspecify.annotations.NullMarked;
