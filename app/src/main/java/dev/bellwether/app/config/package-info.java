/**
 * Configuration keys that commands share, each declared once: its flag, its environment variable,
 * its default and what it means.
 */
@NullMarked
package dev.bellwether.app.config;

import org.jspecify.annotations.NullMarked;
