package dev.bellwether.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Sizes of a Streams application's state stores on disk: every file under {@code <state
 * dir>/<task>/rocksdb/<store>/}, summed over tasks by store name.
 */
final class StateSizes {
  private StateSizes() {}

  static Map<String, Long> byStore(Path stateDir) {
    Map<String, Long> sizes = new TreeMap<>();
    if (!Files.exists(stateDir)) {
      return sizes;
    }
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.filter(Files::isRegularFile).forEach(f -> add(sizes, stateDir.relativize(f), f));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sizes;
  }

  private static void add(Map<String, Long> sizes, Path relative, Path file) {
    String store = storeOf(relative);
    if (store != null) {
      sizes.merge(store, Machine.size(file), Long::sum);
    }
  }

  /**
   * The store a file under the state directory belongs to, or null for other files. Key-value
   * stores live in {@code <task>/rocksdb/<store>/}, segmented (window) stores in {@code
   * <task>/<store>/<segment>/}; a task is named {@code <subtopology>_<partition>}.
   */
  static @Nullable String storeOf(Path relative) {
    int n = relative.getNameCount();
    for (int i = 0; i + 2 < n; i++) {
      if (relative.getName(i).toString().matches("\\d+_\\d+")) {
        String next = relative.getName(i + 1).toString();
        return next.equals("rocksdb")
            ? (i + 3 < n ? relative.getName(i + 2).toString() : null)
            : next;
      }
    }
    return null;
  }
}
