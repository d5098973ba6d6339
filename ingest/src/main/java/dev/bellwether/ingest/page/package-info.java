/**
 * Full articles: extracting an article's main text and metadata from its page ({@link
 * dev.bellwether.ingest.page.ArticleExtractor}), and fetching the pages of new items.
 */
@NullMarked
package dev.bellwether.ingest.page;

import org.jspecify.annotations.NullMarked;
