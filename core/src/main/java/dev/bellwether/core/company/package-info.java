/**
 * The company knowledge base: canonical companies, their aliases and products, and finding them in
 * text.
 */
@NullMarked
package dev.bellwether.core.company;

import org.jspecify.annotations.NullMarked;
