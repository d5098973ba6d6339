/** Block Kit rendering of an alert: pure functions, no I/O. */
@NullMarked
package dev.bellwether.slackbot.render;

import org.jspecify.annotations.NullMarked;
