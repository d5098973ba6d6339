/** Routes records that cannot be read or processed to the dead-letter topic. */
@NullMarked
package dev.bellwether.processors.deadletter;

import org.jspecify.annotations.NullMarked;
