/** What ingest counts, as Micrometer meters named {@code bellwether.*}, and its Kafka clients. */
@NullMarked
package dev.bellwether.ingest.metrics;

import org.jspecify.annotations.NullMarked;
