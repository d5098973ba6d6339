package dev.bellwether.processors.story;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The story processor's copy, as objects, of the stories its store holds under the signature keys
 * it touched last: so that an event on a busy key does not read and decode every story of the key
 * from RocksDB again. Least recently used keys go first once more than {@code maxStories} stories
 * are held. A mirror only: every change is written to the store first, and the processor empties
 * the cache whenever the store could change behind it (task start and close, the sweep).
 */
final class ShelfCache {
  private final int maxStories;
  private final LinkedHashMap<String, List<TrackedStory>> shelves =
      new LinkedHashMap<>(64, 0.75f, true);
  private int stories;

  ShelfCache(int maxStories) {
    if (maxStories < 1) {
      throw new IllegalArgumentException("the cache must hold a story, not " + maxStories);
    }
    this.maxStories = maxStories;
  }

  /** The stories held under the key, or null when the key is not cached. */
  @Nullable List<TrackedStory> get(String key) {
    return shelves.get(key);
  }

  void put(String key, List<TrackedStory> shelf) {
    List<TrackedStory> old = shelves.put(key, List.copyOf(shelf));
    stories += shelf.size() - (old == null ? 0 : old.size());
    Iterator<Map.Entry<String, List<TrackedStory>>> eldest = shelves.entrySet().iterator();
    while (stories > maxStories && eldest.hasNext()) {
      Map.Entry<String, List<TrackedStory>> e = eldest.next();
      if (e.getKey().equals(key)) {
        continue; // the key just written stays, however large
      }
      stories -= e.getValue().size();
      eldest.remove();
    }
  }

  void clear() {
    shelves.clear();
    stories = 0;
  }

  int stories() {
    return stories;
  }
}
