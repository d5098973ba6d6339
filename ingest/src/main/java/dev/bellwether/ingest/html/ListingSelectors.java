package dev.bellwether.ingest.html;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a listing page keeps its items, as CSS selectors.
 *
 * @param item one listed item
 * @param link within an item, the element whose {@code href} is the item's link
 * @param title within an item, the title; when absent, the link's text
 * @param date within an item, the date: its {@code datetime} attribute, else its text
 */
public record ListingSelectors(
    String item, String link, @Nullable String title, @Nullable String date) {
  public ListingSelectors {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(link, "link");
  }
}
