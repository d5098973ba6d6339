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

  /** The store a file under the state directory belongs to, or null for other files. */
  static @Nullable String storeOf(Path relative) {
    for (int i = 0; i + 1 < relative.getNameCount() - 1; i++) {
      if (relative.getName(i).toString().equals("rocksdb")) {
        return relative.getName(i + 1).toString();
      }
    }
    return null;
  }
}
