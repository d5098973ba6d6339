/**
 * Bellwether's records as plain JSON, for people, {@code jq} and consumers without Avro: the lines
 * {@code bellwether tail --json} prints and the values of {@code bellwether.alerts.json}, and an
 * alert read back from such a line.
 */
@NullMarked
package dev.bellwether.schemas.json;

import org.jspecify.annotations.NullMarked;
