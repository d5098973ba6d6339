/** Bellwether's Kafka contracts: topic names and settings, Avro records and their serdes. */
@NullMarked
package dev.bellwether.schemas;

import org.jspecify.annotations.NullMarked;
