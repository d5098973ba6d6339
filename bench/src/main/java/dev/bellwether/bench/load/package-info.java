/**
 * The load harness of the whole topology: a generator of realistic feed items, the paced and
 * unpaced runs against an in-process broker, latency bookkeeping, and the start-up timer of {@code
 * bellwether run --demo}. Run by hand, never by {@code verify}; see docs/benchmarks.md.
 */
@NullMarked
package dev.bellwether.bench.load;

import org.jspecify.annotations.NullMarked;
