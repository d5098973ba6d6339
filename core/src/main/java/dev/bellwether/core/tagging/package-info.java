/**
 * Tagging news text: company mentions and events (funding, export controls, partnerships,
 * acquisitions, IPOs).
 */
@NullMarked
package dev.bellwether.core.tagging;

import org.jspecify.annotations.NullMarked;
