/** Reading YAML configuration with line numbers, collecting every problem before failing. */
@NullMarked
package dev.bellwether.core.config;

import org.jspecify.annotations.NullMarked;
