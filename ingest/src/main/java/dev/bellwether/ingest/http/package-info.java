/**
 * A hardened HTTP GET: scheme and address checks on every redirect hop, time and size limits,
 * bounded decompression and conditional requests.
 */
@NullMarked
package dev.bellwether.ingest.http;

import org.jspecify.annotations.NullMarked;
