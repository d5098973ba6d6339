/**
 * Stories: articles from many outlets about one event, grouped by what they say (organizations,
 * salient terms, amounts, event type family, time, near-duplicate text) into the connected groups
 * of linked reports, with type, status and facts read from their sources by vote, and the alert
 * each new article warrants. Pure values and functions: {@link dev.bellwether.core.story.StoryBook}
 * holds the open stories and their candidate index, and a Kafka Streams processor keeps its stories
 * in a key-value store.
 */
@NullMarked
package dev.bellwether.core.story;

import org.jspecify.annotations.NullMarked;
