/** The Slack bot: alerts topic to Slack channels, one thread per story, effectively once. */
@NullMarked
package dev.bellwether.slackbot;

import org.jspecify.annotations.NullMarked;
