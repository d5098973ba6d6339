/**
 * What makes two feed entries the same news item: canonical article URLs that ignore tracking
 * parameters, case, fragments and the http/https difference.
 */
@NullMarked
package dev.bellwether.ingest.identity;

import org.jspecify.annotations.NullMarked;
