/** Serdes that write Avro single-object encoding and read every schema in the history. */
@NullMarked
package dev.bellwether.schemas.serde;

import org.jspecify.annotations.NullMarked;
