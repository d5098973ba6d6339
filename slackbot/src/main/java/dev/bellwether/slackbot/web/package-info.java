/** Slack's Web API through the official SDK: pacing, retries and error classes. */
@NullMarked
package dev.bellwether.slackbot.web;

import org.jspecify.annotations.NullMarked;
