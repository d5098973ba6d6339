/** Bellwether's pure domain: no Kafka, no HTTP, no Avro, no logging. */
@NullMarked
package dev.bellwether.core;

import org.jspecify.annotations.NullMarked;
