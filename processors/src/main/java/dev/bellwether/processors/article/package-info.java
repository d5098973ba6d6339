/** Turns new items into articles (v1: from the feed's own title and summary). */
@NullMarked
package dev.bellwether.processors.article;

import org.jspecify.annotations.NullMarked;
