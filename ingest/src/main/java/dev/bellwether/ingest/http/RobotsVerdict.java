package dev.bellwether.ingest.http;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What robots.txt says about one URL.
 *
 * @param allowed whether we may fetch it now
 * @param deferred robots.txt could not be read (5xx, 429, timeout), so nothing on the host is
 *     fetched until it can be; such a refusal is temporary
 * @param crawlDelay the {@code Crawl-delay} that applies to us, if robots.txt sets one
 */
public record RobotsVerdict(boolean allowed, boolean deferred, @Nullable Duration crawlDelay) {
  static final RobotsVerdict ALLOW_ALL = new RobotsVerdict(true, false, null);
}
