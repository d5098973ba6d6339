/** Alerts topic to Slack: the consumer loop, routing, story threads and parked alerts. */
@NullMarked
package dev.bellwether.slackbot.post;

import org.jspecify.annotations.NullMarked;
