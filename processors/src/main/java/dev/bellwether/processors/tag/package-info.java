/** Tags articles with companies and events using core's tagger. */
@NullMarked
package dev.bellwether.processors.tag;

import org.jspecify.annotations.NullMarked;
