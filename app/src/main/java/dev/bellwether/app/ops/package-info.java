/**
 * The operator's side of every long-running role: one HTTP server with health checks and Prometheus
 * metrics ({@link dev.bellwether.app.ops.OpsServer}), and the readiness checks behind it.
 */
@NullMarked
package dev.bellwether.app.ops;

import org.jspecify.annotations.NullMarked;
