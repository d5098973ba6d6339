package dev.bellwether.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedCheckTest {
  @TempDir Path dir;
  private final FeedCheck check = new FeedCheck(new FeedParser());

  private Path write(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file;
  }

  @Test
  void reportsFormatAndEntriesOfAGoodFeed() throws IOException {
    Path file = write("rss2.xml", FeedParserTest.fixture("rss2.xml"));

    FeedCheck.Result result = check.checkFile("rss2.xml", file);

    assertThat(result)
        .isEqualTo(new FeedCheck.Result("rss2.xml", true, "rss_2.0", 2, null, List.of()));
    assertThat(result.toJson())
        .isEqualTo(
            "{\"file\":\"rss2.xml\",\"ok\":true,\"format\":\"rss_2.0\",\"entries\":2,"
                + "\"error\":null}");
  }

  @Test
  void marksARepairedFeedAsRecovered() throws IOException {
    Path file = write("truncated.xml", FeedParserTest.fixture("truncated.xml"));

    FeedCheck.Result result = check.checkFile(file.toString(), file);

    assertThat(result.ok()).isTrue();
    assertThat(result.recovered()).isTrue();
    assertThat(result.toJson()).contains("\"recovered\":true").contains("\"problems\":[");
  }

  @Test
  void neverThrowsForMissingEmptyBinaryOrDirectoryInput() throws IOException {
    Path empty = write("empty.xml", new byte[0]);
    Path binary = write("image.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0x1A});

    assertThat(check.checkFile("missing.xml", dir.resolve("missing.xml")).error())
        .isEqualTo("The file does not exist.");
    assertThat(check.checkFile("empty.xml", empty).error()).isEqualTo("The document is empty.");
    assertThat(check.checkFile("image.png", binary).error()).endsWith(".").doesNotContain("\n");
    assertThat(check.checkFile("dir", dir).error()).startsWith("The file cannot be read");
  }

  @Test
  void checksEveryFileUnderADirectory() throws IOException {
    write("a.xml", FeedParserTest.fixture("rss2.xml"));
    write("b.json", FeedParserTest.fixture("json-feed.json"));

    List<FeedCheck.Result> results = check.check(List.of(dir.toString()));

    assertThat(results)
        .extracting(FeedCheck.Result::file, FeedCheck.Result::format)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(dir.resolve("a.xml").toString(), "rss_2.0"),
            org.assertj.core.groups.Tuple.tuple(dir.resolve("b.json").toString(), "json_feed_1.1"));
  }
}
