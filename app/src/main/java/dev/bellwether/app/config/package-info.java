/**
 * Every environment variable Bellwether reads, declared once ({@link
 * dev.bellwether.app.config.ConfigKey}), and the picocli default-value provider through which an
 * option takes its variable's value or default ({@link
 * dev.bellwether.app.config.EnvironmentDefaults}).
 */
@NullMarked
package dev.bellwether.app.config;

import org.jspecify.annotations.NullMarked;
