/** Drops items already seen, remembering ids for a bounded time. */
@NullMarked
package dev.bellwether.processors.dedupe;

import org.jspecify.annotations.NullMarked;
