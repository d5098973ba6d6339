/**
 * Organizations named in news text beyond the company knowledge base: startups, investors,
 * governments, universities and media, read from capitalized words and the words around them.
 */
@NullMarked
package dev.bellwether.core.org;

import org.jspecify.annotations.NullMarked;
