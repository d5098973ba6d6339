package dev.bellwether.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the parser over the public corpora read in place from {@code ../shared/corpora} beside the
 * project root (skipped when absent): feedparser's tests and Rome's test feeds.
 *
 * <p>Each feedparser file says in a header comment what feedparser expects: an {@code Expect:} line
 * saying "not bozo" must parse; one saying "bozo" is broken and must either parse as recovered or
 * fail with a clear error. Every Rome feed must parse. Whatever the input, the parser returns or
 * throws {@link FeedParseException}, without hanging.
 */
class FeedCorpusSweepTest {
  private static final URI BASE = URI.create("http://corpus.example/feed");
  private static final List<String> FOLDERS = List.of("feedparser", "rome");
  private static final Set<String> CLEAN_RATE_FOLDERS =
      Set.of("feedparser/wellformed", "feedparser/encoding", "feedparser/entities");

  /**
   * Rome's test resources that are not feeds: OPML outlines, and an HTML error page a test keeps to
   * check that it is refused.
   */
  private static final Set<String> NOT_FEEDS =
      Set.of(
          "rome/rome-opml/opml_1.0.xml",
          "rome/rome-opml/opml_1.0_links.xml",
          "rome/rome-opml/opml_2.0.xml",
          "rome/rome-modules/2.rss");

  private static final Pattern EXPECT = Pattern.compile("Expect:\\s*(.*?)\\s*-->", Pattern.DOTALL);
  private static final Pattern CONTENT_TYPE =
      Pattern.compile("(?im)^\\s*Header:\\s*Content-type:\\s*(.*?)\\s*$");
  private static final FeedParser PARSER = new FeedParser();

  /** What a corpus file is expected to do. */
  enum Expectation {
    /** Must parse: feedparser's "not bozo", the entity tests, Rome's feeds. */
    PARSES,
    /** Broken: must parse as recovered, or fail with a clear error. */
    BOZO,
    /** No verdict either way (feedparser checks only a value): must not crash. */
    ANY
  }

  /** One corpus file with what is expected of it. */
  record CorpusFile(String name, Path path, Expectation expectation, @Nullable String contentType) {
    boolean countsForCleanRate() {
      return expectation == Expectation.PARSES
          && CLEAN_RATE_FOLDERS.stream().anyMatch(folder -> name.startsWith(folder + "/"));
    }
  }

  @BeforeAll
  static void warmUp() {
    PARSER.read("<rss/>".getBytes(StandardCharsets.UTF_8), "text/xml; charset=big5", BASE);
  }

  static Stream<Arguments> corpusFiles() {
    return corpus().stream().map(file -> Arguments.of(file.name(), file));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusFiles")
  void parsesOrFailsCleanlyWithinASecond(String name, CorpusFile file) throws IOException {
    byte[] body = Files.readAllBytes(file.path());

    Outcome outcome =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(name, body, file));

    switch (file.expectation()) {
      case PARSES -> {
        if (name.startsWith("rome/")) {
          assertThat(outcome.error()).as("%s is a feed and must parse", name).isNull();
        }
      }
      case BOZO ->
          assertThat(outcome.recovered() || outcome.error() != null)
              .as("%s is broken: recovered or refused, never clean", name)
              .isTrue();
      case ANY -> {}
    }
    if (outcome.error() != null) {
      assertThat(outcome.error()).isNotBlank().endsWith(".").doesNotContain("\n");
    }
  }

  @Test
  void parsesAtLeast99PercentOfTheFeedsFeedparserCallsClean() throws IOException {
    List<CorpusFile> clean = corpus().stream().filter(CorpusFile::countsForCleanRate).toList();
    List<String> failures = new ArrayList<>();
    for (CorpusFile file : clean) {
      Outcome outcome = read(file.name(), Files.readAllBytes(file.path()), file);
      if (outcome.error() != null) {
        failures.add(file.name() + ": " + outcome.error());
      }
    }

    double rate = 1.0 - (double) failures.size() / clean.size();
    assertThat(clean).hasSizeGreaterThan(1000);
    assertThat(rate)
        .as("clean parse rate over %d files; failing: %s", clean.size(), failures)
        .isGreaterThanOrEqualTo(0.99);
  }

  /** The result of reading one file: an error sentence, or whether it needed recovery. */
  record Outcome(@Nullable String error, boolean recovered) {}

  private static Outcome read(String name, byte[] body, CorpusFile file) {
    try {
      ParsedFeed feed = PARSER.read(body, file.contentType(), BASE);
      assertThat(feed.entries()).allSatisfy(e -> assertThat(e.link().isAbsolute()).isTrue());
      return new Outcome(null, feed.recovered());
    } catch (FeedParseException e) {
      return new Outcome(e.getMessage(), false);
    } catch (RuntimeException | StackOverflowError e) {
      return fail(name + " raised " + e, e);
    }
  }

  private static List<CorpusFile> corpus() {
    Path corpora = CorpusLocation.find();
    List<CorpusFile> files = new ArrayList<>();
    for (String folder : FOLDERS) {
      Path dir = corpora.resolve(folder);
      if (Files.isDirectory(dir)) {
        for (Path path : files(dir)) {
          String name = corpora.relativize(path).toString().replace('\\', '/');
          if (!NOT_FEEDS.contains(name) && !path.getFileName().toString().endsWith(".txt")) {
            files.add(describe(name, path));
          }
        }
      }
    }
    return files;
  }

  private static CorpusFile describe(String name, Path path) {
    if (name.startsWith("rome/")) {
      return new CorpusFile(name, path, Expectation.PARSES, null);
    }
    String header = header(path);
    Matcher expect = EXPECT.matcher(header);
    String verdict = expect.find() ? expect.group(1).strip() : "";
    Matcher type = CONTENT_TYPE.matcher(header);
    String contentType = type.find() ? type.group(1) : null;
    Expectation expectation;
    if (verdict.startsWith("not bozo") || name.startsWith("feedparser/entities/")) {
      expectation = Expectation.PARSES;
    } else if (verdict.toLowerCase(Locale.ROOT).startsWith("bozo")) {
      expectation = Expectation.BOZO;
    } else {
      expectation = Expectation.ANY;
    }
    return new CorpusFile(name, path, expectation, contentType);
  }

  /** The first few kilobytes as text, NULs dropped so UTF-16/32 headers read too. */
  private static String header(Path path) {
    try {
      byte[] bytes = Files.readAllBytes(path);
      String text = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
      return text.replace("\0", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> files(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
