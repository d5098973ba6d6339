/**
 * Stories: articles from many outlets about one event, clustered by text fingerprint and event
 * signature within a time window, with facts reconciled across sources and the alert each new
 * article warrants. Pure values and functions, so that a Kafka Streams processor can keep {@link
 * dev.bellwether.core.story.Story} values and the candidate index of {@link
 * dev.bellwether.core.story.StoryClusterer#indexKeys} in its key-value stores; {@link
 * dev.bellwether.core.story.OpenStories} does the same in memory for tests and replay.
 */
@NullMarked
package dev.bellwether.core.story;

import org.jspecify.annotations.NullMarked;
