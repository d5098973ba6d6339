package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FeedsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine cli = Bellwether.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private List<JsonNode> lines() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\\R")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

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

    int code =
        execute(
            "feeds",
            "check",
            "--format",
            "jsonl",
            rss.toString(),
            json.toString(),
            cut.toString(),
            empty.toString(),
            dir.resolve("missing.xml").toString());

    assertThat(code).isZero();
    List<JsonNode> lines = lines();
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
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void checksEveryFileOfADirectory() throws Exception {
    write("a.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title></feed>");
    write("b.bin", "\u0000\u0001\u0002");

    assertThat(execute("feeds", "check", dir.toString())).isZero();

    assertThat(lines()).extracting(line -> line.get("ok").asBoolean()).containsExactly(true, false);
  }

  @Test
  void helpTeachesWithExamples() {
    assertThat(execute("feeds", "check", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: bellwether feeds check").contains("Examples:");
  }

  @Test
  void refusesAMissingFileArgumentInOneSentence() {
    assertThat(execute("feeds", "check")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter").doesNotContain("Exception");
  }
}
