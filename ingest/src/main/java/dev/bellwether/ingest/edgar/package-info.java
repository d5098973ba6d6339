/**
 * SEC EDGAR: a company's filings from EDGAR's Atom feed, and the request budget that keeps every
 * instance together under sec.gov's limit of ten requests a second.
 */
@NullMarked
package dev.bellwether.ingest.edgar;

import org.jspecify.annotations.NullMarked;
