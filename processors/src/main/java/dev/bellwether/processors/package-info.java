/** Bellwether's Kafka Streams topology: discovered items to alerts, built on core. */
@NullMarked
package dev.bellwether.processors;

import org.jspecify.annotations.NullMarked;
