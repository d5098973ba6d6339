package dev.bellwether.app;

import static dev.bellwether.app.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
  private static final String ARTICLE =
      "<!DOCTYPE html><html lang=\"en\"><head>"
          + "<title>Lab opens office in Seoul | Wire</title>"
          + "<meta property=\"og:site_name\" content=\"Wire\">"
          + "<meta name=\"author\" content=\"Ada Okafor\">"
          + "<meta property=\"article:published_time\" content=\"2025-06-03T09:15:00Z\">"
          + "<link rel=\"canonical\" href=\"/seoul\"></head>"
          + "<body><article><p>The lab said its Seoul office will open in June.</p></article>"
          + "</body></html>";

  @TempDir Path dir;

  private Path write(String name, String content, Charset charset) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, content.getBytes(charset));
    return file;
  }

  @Test
  void printsOneJsonObjectPerPage() throws Exception {
    Path page = write("seoul.html", ARTICLE, StandardCharsets.UTF_8);

    CliRun.Result result =
        run(
            "extract",
            "--format",
            "jsonl",
            "--base-url",
            "https://wire.example/a",
            page.toString());

    assertThat(result.code()).isZero();
    JsonNode line = result.jsonLines().get(0);
    assertThat(line.get("file").asText()).isEqualTo(page.toString());
    assertThat(line.get("title").asText()).isEqualTo("Lab opens office in Seoul");
    assertThat(line.get("byline").asText()).isEqualTo("Ada Okafor");
    assertThat(line.get("published").asText()).isEqualTo("2025-06-03T09:15:00Z");
    assertThat(line.get("site").asText()).isEqualTo("Wire");
    assertThat(line.get("lang").asText()).isEqualTo("en");
    assertThat(line.get("canonical").asText()).isEqualTo("https://wire.example/seoul");
    assertThat(line.get("image").isNull()).isTrue();
    assertThat(line.get("readerable").isBoolean()).isTrue();
    assertThat(line.get("text").asText()).contains("Seoul office will open in June");
  }

  @Test
  void resolvesLinksAgainstFileUrlByDefault() throws Exception {
    Path page = write("seoul.html", ARTICLE, StandardCharsets.UTF_8);

    CliRun.Result result = run("extract", page.toString());

    assertThat(result.jsonLines().get(0).get("canonical").asText())
        .startsWith("file:/")
        .endsWith("/seoul");
  }

  @Test
  void decodesByDeclaredCharsetOrByteOrderMark() throws Exception {
    String french =
        "<html><head><meta charset=\"windows-1252\"><title>Café : la levée de fonds</title>"
            + "</head><body></body></html>";
    Path latin = write("latin.html", french, Charset.forName("windows-1252"));
    Path utf16 =
        write(
            "utf16.html",
            "\uFEFF<title>Überblick über KI-Chips</title>",
            StandardCharsets.UTF_16LE);

    CliRun.Result result = run("extract", latin.toString(), utf16.toString());

    assertThat(result.jsonLines())
        .extracting(line -> line.get("title").asText())
        .containsExactly("Café : la levée de fonds", "Überblick über KI-Chips");
  }

  @Test
  void reportsUnreadableFilesAndGoesOn() throws Exception {
    Path page = write("seoul.html", ARTICLE, StandardCharsets.UTF_8);
    String missing = dir.resolve("missing.html").toString();

    CliRun.Result result = run("extract", missing, dir.toString(), page.toString());

    assertThat(result.code()).isZero();
    List<JsonNode> lines = result.jsonLines();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).get("file").asText()).isEqualTo(missing);
    assertThat(lines.get(0).get("error").asText()).isEqualTo("No such file.");
    assertThat(lines.get(1).get("error").asText()).isEqualTo("A directory, not a saved HTML page.");
    assertThat(lines.get(2).has("error")).isFalse();
  }

  @Test
  void exitsTwoWithoutFiles() {
    CliRun.Result result = run("extract");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("FILE");
  }

  @Test
  void refusesRelativeBaseUrl() throws Exception {
    Path page = write("seoul.html", ARTICLE, StandardCharsets.UTF_8);

    CliRun.Result result = run("extract", "--base-url", "seoul", page.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--base-url must be an absolute URL");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void helpShowsExamples() {
    CliRun.Result result = run("extract", "--help");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("Examples:", "bellwether extract");
  }
}
