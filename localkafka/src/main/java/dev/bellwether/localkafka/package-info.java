/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) started inside the JVM,
 * for {@code bellwether run} and for integration tests on machines without Docker.
 */
@NullMarked
package dev.bellwether.localkafka;

import org.jspecify.annotations.NullMarked;
