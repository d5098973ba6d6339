package dev.bellwether.dashboard;

import dev.bellwether.schemas.avro.Alert;
import java.time.Instant;

/**
 * An alert as the dashboard holds it.
 *
 * @param seq its place in the order the dashboard received alerts (1, 2, ...): the SSE event id,
 *     and what "newest first" sorts by
 * @param time when the alert was written to the alerts topic (the record's timestamp)
 */
public record AlertEntry(long seq, Instant time, Alert alert) {}
