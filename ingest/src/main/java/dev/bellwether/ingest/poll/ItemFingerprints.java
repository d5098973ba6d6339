package dev.bellwether.ingest.poll;

import dev.bellwether.schemas.avro.FeedItem;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The items of a fetched feed as a sorted array of 64-bit fingerprints of their ids (8 bytes an
 * item instead of the ids themselves), to tell how many items of a fetch are new since the last.
 */
final class ItemFingerprints {
  private ItemFingerprints() {}

  static long[] of(List<FeedItem> items) {
    long[] prints = new long[items.size()];
    for (int i = 0; i < prints.length; i++) {
      prints[i] = fingerprint(items.get(i).getId());
    }
    Arrays.sort(prints);
    return prints;
  }

  /** How many of {@code current} are not in {@code previous}; -1 if there is no previous. */
  static int countNew(long @Nullable [] previous, long[] current) {
    if (previous == null) {
      return -1;
    }
    int fresh = 0;
    for (long print : current) {
      if (Arrays.binarySearch(previous, print) < 0) {
        fresh++;
      }
    }
    return fresh;
  }

  /** Item ids are 32 hex digits; their first 16 are the fingerprint. */
  private static long fingerprint(String id) {
    if (id.length() >= 16) {
      try {
        return Long.parseUnsignedLong(id.substring(0, 16), 16);
      } catch (NumberFormatException e) {
        // not one of our hex ids: fall through to a string hash
      }
    }
    long hash = 1125899906842597L;
    for (int i = 0; i < id.length(); i++) {
      hash = 31 * hash + id.charAt(i);
    }
    return hash;
  }
}
