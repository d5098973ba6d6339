/**
 * The article of a web page, pure: a page's bytes to characters ({@link
 * dev.bellwether.extract.PageDecoding}, the one decoder of every HTML reader in Bellwether), and
 * its main text and metadata ({@link dev.bellwether.extract.ArticleExtractor}). No HTTP, Kafka or
 * logging: the page fetcher, {@code bellwether extract} and the HTML listing sources call it alike.
 */
@NullMarked
package dev.bellwether.extract;

import org.jspecify.annotations.NullMarked;
