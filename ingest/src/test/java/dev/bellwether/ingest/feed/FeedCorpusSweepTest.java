package dev.bellwether.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the parser over public corpora (Rome's own test feeds and feedparser's well-formed feeds),
 * read in place from {@code ../shared/corpora} next to the project root, and skipped when absent.
 * Whatever the input, the parser returns entries or throws {@link FeedParseException}, quickly.
 */
class FeedCorpusSweepTest {
  private static final List<String> FOLDERS = List.of("rome", "feedparser/wellformed");
  private static final URI BASE = URI.create("http://corpus.example/feed");
  private final FeedParser parser = new FeedParser();

  static Stream<Arguments> corpusFiles() {
    Path corpora = findCorpora();
    Assumptions.assumeTrue(
        corpora != null, "../shared/corpora not found next to the project root; sweep skipped");
    return FOLDERS.stream()
        .map(corpora::resolve)
        .filter(Files::isDirectory)
        .flatMap(FeedCorpusSweepTest::files)
        .map(file -> Arguments.of(corpora.relativize(file).toString(), file));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusFiles")
  void parsesOrRefusesCleanly(String name, Path file) throws IOException {
    byte[] body = Files.readAllBytes(file);

    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          try {
            List<FeedEntry> entries = parser.parse(body, BASE);
            assertThat(entries).allSatisfy(e -> assertThat(e.link().isAbsolute()).isTrue());
          } catch (FeedParseException e) {
            assertThat(e.getMessage()).isNotBlank();
          } catch (RuntimeException | Error e) {
            fail(name + " raised " + e, e);
          }
        });
  }

  /** {@code ../shared/corpora} relative to the project root, found by walking up. */
  private static Path findCorpora() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("../shared/corpora").normalize();
      if (Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static Stream<Path> files(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
