/**
 * Full articles: fetching the pages of new items politely and turning each into an article, read by
 * the {@code extract} module ({@link dev.bellwether.extract.ArticleExtractor}), or into the feed's
 * summary when the page cannot be used ({@link dev.bellwether.ingest.page.FallbackReason}).
 */
@NullMarked
package dev.bellwether.ingest.page;

import org.jspecify.annotations.NullMarked;
