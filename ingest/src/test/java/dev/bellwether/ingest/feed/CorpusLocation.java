package dev.bellwether.ingest.feed;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Finds the shared test corpora, {@code ../shared/corpora} beside the project root. */
final class CorpusLocation {
  private CorpusLocation() {}

  /**
   * The corpora folder, found by walking up from the working directory to a folder with a {@code
   * pom.xml} and a {@code ../shared/corpora} beside it; the calling test is skipped without one.
   */
  static Path find() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("corpora");
      if (Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    Assumptions.abort("../shared/corpora not found beside the project root; corpus sweep skipped");
    throw new AssertionError("unreachable");
  }
}
