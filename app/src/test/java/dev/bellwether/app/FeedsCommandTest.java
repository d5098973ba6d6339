package dev.bellwether.app;

import static dev.bellwether.app.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedsCommandTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void printsOneJsonLinePerFileAndExitsZero() throws Exception {
    Path rss =
        write(
            "wire.xml",
            "<rss version=\"2.0\"><channel><title>Wire</title><item><title>Anthropic raises</title>"
                + "<link>https://wire.example/1</link></item></channel></rss>");
    Path json =
        write(
            "wire.json",
            "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": "
                + "[{\"id\": \"1\", \"url\": \"https://wire.example/2\"}]}");
    Path cut =
        write(
            "cut.xml",
            "<rss version=\"2.0\"><channel><item><title>AT&T</title>"
                + "<link>https://wire.example/3</link></item><item><title>cut");
    Path empty = write("empty.xml", "");

    CliRun.Result result =
        run(
            "feeds",
            "check",
            "--format",
            "jsonl",
            rss.toString(),
            json.toString(),
            cut.toString(),
            empty.toString(),
            dir.resolve("missing.xml").toString());

    assertThat(result.code()).isZero();
    List<JsonNode> lines = result.jsonLines();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0).toString())
        .isEqualTo(
            "{\"file\":\""
                + rss
                + "\",\"ok\":true,\"format\":\"rss_2.0\",\"entries\":1,\"error\":null}");
    assertThat(lines.get(1).get("format").asText()).isEqualTo("json_feed_1");
    assertThat(lines.get(2).get("ok").asBoolean()).isTrue();
    assertThat(lines.get(2).get("recovered").asBoolean()).isTrue();
    assertThat(lines.get(2).get("entries").asInt()).isEqualTo(1);
    assertThat(lines.get(3).get("ok").asBoolean()).isFalse();
    assertThat(lines.get(3).get("error").asText()).isEqualTo("The document is empty.");
    assertThat(lines.get(4).get("file").asText()).isEqualTo(dir.resolve("missing.xml").toString());
    assertThat(lines.get(4).get("error").asText()).isEqualTo("The file does not exist.");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void checksEveryFileOfADirectory() throws Exception {
    write("a.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title></feed>");
    write("b.bin", "\u0000\u0001\u0002");

    CliRun.Result result = run("feeds", "check", dir.toString());

    assertThat(result.code()).isZero();
    assertThat(result.jsonLines())
        .extracting(line -> line.get("ok").asBoolean())
        .containsExactly(true, false);
  }

  @Test
  void helpTeachesWithExamples() {
    CliRun.Result result = run("feeds", "check", "--help");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("Usage: bellwether feeds check").contains("Examples:");
  }

  @Test
  void refusesAMissingFileArgumentInOneSentence() {
    CliRun.Result result = run("feeds", "check");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("Missing required parameter").doesNotContain("Exception");
  }
}
