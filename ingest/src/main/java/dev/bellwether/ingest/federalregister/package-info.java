/** The Federal Register API: an agency's documents and the public-inspection list, from JSON. */
@NullMarked
package dev.bellwether.ingest.federalregister;

import org.jspecify.annotations.NullMarked;
