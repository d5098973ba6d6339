package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bellwether sources check} against a sources file of loopback sources: the text and JSON
 * reports, the exit status, and the errors of a wrong file or option. How each kind of failure is
 * named is {@code SourceCheckTest}'s (ingest) business; here the command shows them.
 */
class SourcesCheckCommandTest {
  private static final byte[] FEED =
      ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>"
              + "<item><title>Anthropic raises $2 billion</title>"
              + "<link>https://wire.example/a</link>"
              + "<pubDate>Tue, 03 Jun 2025 14:30:00 GMT</pubDate></item>"
              + "<item><title>Nvidia export rules</title><link>https://wire.example/b</link>"
              + "<pubDate>Wed, 04 Jun 2025 09:00:00 GMT</pubDate></item>"
              + "</channel></rss>")
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] LISTING =
      ("<html><body><nav><a href=\"/about\">About</a></nav><main>"
              + "<article class=\"post\"><a class=\"title\" href=\"/news/one\">One</a>"
              + "<time datetime=\"2025-01-30T14:05:00Z\">Jan 30</time></article>"
              + "<article class=\"post\"><a class=\"title\" href=\"/news/two\">Two</a>"
              + "<time datetime=\"2025-01-28T09:00:00Z\">Jan 28</time></article>"
              + "</main></body></html>")
          .getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private final MockWebServer web =
      CannedWeb.serve(
          request ->
              switch (CannedWeb.path(request)) {
                case "/robots.txt" ->
                    CannedWeb.answer(
                        200,
                        "text/plain",
                        "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8));
                case "/feed" -> CannedWeb.answer(200, "application/rss+xml", FEED);
                case "/news" -> CannedWeb.answer(200, "text/html; charset=utf-8", LISTING);
                case "/forbidden" -> CannedWeb.status(403);
                default -> CannedWeb.status(404);
              });

  @AfterEach
  void stop() throws Exception {
    web.shutdown();
  }

  private Path sourcesFile(String sources) throws Exception {
    Path file = dir.resolve("sources.yaml");
    Files.writeString(
        file, "sources:\n" + sources + "network:\n  allow-private: true\n", StandardCharsets.UTF_8);
    return file;
  }

  private String url(String path) {
    return CannedWeb.base(web) + path;
  }

  private String good() {
    return "  - {id: wire, type: rss, url: '"
        + url("/feed")
        + "'}\n"
        + "  - id: newsroom\n    type: html\n    url: '"
        + url("/news")
        + "'\n    selectors: {item: article.post, link: a.title, date: time}\n";
  }

  private String bad() {
    return "  - {id: blocked, type: rss, url: '"
        + url("/private/feed")
        + "'}\n"
        + "  - {id: forbidden, type: rss, url: '"
        + url("/forbidden")
        + "'}\n"
        + "  - {id: not-a-feed, type: rss, url: '"
        + url("/news")
        + "'}\n"
        + "  - id: redesigned\n    type: html\n    url: '"
        + url("/news")
        + "'\n    selectors: {item: div.card, link: a}\n"
        + "  - {id: sec-filings, type: edgar, name: Frontier, cik: '1045810', forms: [8-K]}\n";
  }

  private static CliRun.Result check(String... args) {
    return check(Map.of(), args);
  }

  private static CliRun.Result check(Map<String, String> env, String... args) {
    String[] full = new String[args.length + 2];
    full[0] = "sources";
    full[1] = "check";
    System.arraycopy(args, 0, full, 2, args.length);
    return CliRun.run(cli -> checkCommand(cli).env = env, full);
  }

  private static SourcesCommand.Check checkCommand(CommandLine cli) {
    return cli.getSubcommands()
        .get("sources")
        .getSubcommands()
        .get("check")
        .<SourcesCommand.Check>getCommand();
  }

  @Test
  void reportsEverySourceAsItAnswersAndExitsZeroWhenNoneFailed() throws Exception {
    Path file = sourcesFile(good());

    CliRun.Result run = check("--sources", file.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("Checking 2 sources on 1 hosts from " + file);
    List<String> lines = run.out().lines().toList();
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("OK      wire ")
                    .contains("rss", "HTTP 200", " s  2 items, newest 2025-06-04T09:00:00Z"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("OK      newsroom ")
                    .contains("html", "HTTP 200", "2 items, newest 2025-01-30T14:05:00Z"));
    assertThat(lines).last().isEqualTo("2 sources: 2 ok, 0 failed, 0 off");
  }

  @Test
  void namesEachFailureAndExitsOneWhenAnyFailed() throws Exception {
    Path file = sourcesFile(good() + bad());

    CliRun.Result run = check("--sources", file.toString(), "--parallel", "2");

    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(SourcesCommand.Check.ANY_FAILED);
    assertThat(run.out())
        .containsPattern("FAILED  blocked +rss +no answer .* robots: robots.txt of http://127")
        .containsPattern("FAILED  forbidden +rss +HTTP 403 .* http-status: ")
        .containsPattern("FAILED  not-a-feed +rss +HTTP 200 .* not-a-feed: ")
        .containsPattern(
            "FAILED  redesigned +html +HTTP 200 .* selector: The item selector 'div.card' matched"
                + " nothing on the page\\.")
        .containsPattern("OFF     sec-filings +edgar +off: SEC EDGAR needs a User-Agent")
        .contains("7 sources: 2 ok, 4 failed, 1 off");
    assertThat(web.getRequestCount()).isPositive();
    for (int i = web.getRequestCount(); i > 0; i--) {
      RecordedRequest request = web.takeRequest();
      assertThat(CannedWeb.path(request)).isNotEqualTo("/private/feed");
      assertThat(request.getHeader("User-Agent")).startsWith("Bellwether/");
    }
  }

  @Test
  void writesOneJsonObjectPerSourceWithJson() throws Exception {
    Path file = sourcesFile(good() + bad());

    CliRun.Result run = check("--sources", file.toString(), "--json");

    assertThat(run.code()).isEqualTo(SourcesCommand.Check.ANY_FAILED);
    assertThat(run.err()).contains("7 sources: 2 ok, 4 failed, 1 off");
    List<JsonNode> lines = run.jsonLines();
    assertThat(lines).hasSize(7);
    JsonNode wire = byId(lines, "wire");
    assertThat(wire.get("verdict").asText()).isEqualTo("ok");
    assertThat(wire.get("status").asInt()).isEqualTo(200);
    assertThat(wire.get("items").asInt()).isEqualTo(2);
    assertThat(wire.get("newest").asText()).isEqualTo("2025-06-04T09:00:00Z");
    assertThat(wire.get("url").asText()).isEqualTo(url("/feed"));
    assertThat(wire.get("failure").isNull()).isTrue();
    JsonNode forbidden = byId(lines, "forbidden");
    assertThat(forbidden.get("verdict").asText()).isEqualTo("failed");
    assertThat(forbidden.get("status").asInt()).isEqualTo(403);
    assertThat(forbidden.get("failure").asText()).isEqualTo("http-status");
    assertThat(byId(lines, "blocked").get("status").isNull()).isTrue();
    assertThat(byId(lines, "redesigned").get("failure").asText()).isEqualTo("selector");
    JsonNode off = byId(lines, "sec-filings");
    assertThat(off.get("verdict").asText()).isEqualTo("off");
    assertThat(off.get("url").asText()).startsWith("https://www.sec.gov/");
    assertThat(off.get("why").asText()).contains("BELLWETHER_EDGAR_USER_AGENT");
  }

  @Test
  void checksOnlyTheSourcesNamed() throws Exception {
    Path file = sourcesFile(good() + bad());

    CliRun.Result run = check("--sources", file.toString(), "--only", "wire,sec-filings");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("OK      wire ", "OFF     sec-filings ");
    assertThat(run.out()).doesNotContain("forbidden", "newsroom");
    assertThat(run.out()).contains("2 sources: 1 ok, 0 failed, 1 off");
  }

  @Test
  void refusesAWrongFileOrOptionWithOneLineAndExitTwo() throws Exception {
    Path file = sourcesFile(good());

    CliRun.Result unknown = check("--sources", file.toString(), "--only", "nope");
    assertThat(unknown.code()).isEqualTo(UserErrors.USER_ERROR);
    assertThat(unknown.err())
        .isEqualTo("bellwether: no source nope in " + file + "; its sources are wire, newsroom\n");

    CliRun.Result missing = check("--sources", dir.resolve("absent.yaml").toString());
    assertThat(missing.code()).isEqualTo(UserErrors.USER_ERROR);
    assertThat(missing.err()).startsWith("bellwether: no sources file at ");

    Files.writeString(file, "sources:\n  - {id: x, type: rss, url: 'ftp://x.example/'}\n");
    CliRun.Result broken = check("--sources", file.toString());
    assertThat(broken.code()).isEqualTo(UserErrors.USER_ERROR);
    assertThat(broken.err()).contains("sources.yaml:2").doesNotContain("Exception");

    CliRun.Result badAgent =
        check(
            Map.of("BELLWETHER_EDGAR_USER_AGENT", "no contact"),
            "--sources",
            sourcesFile(good() + bad()).toString());
    assertThat(badAgent.code()).isEqualTo(UserErrors.USER_ERROR);
    assertThat(badAgent.err()).contains("has no contact email");

    CliRun.Result parallel = check("--sources", file.toString(), "--parallel", "0");
    assertThat(parallel.code()).isEqualTo(2);
    assertThat(parallel.err()).contains("--parallel must be from 1 to 16, not 0");
  }

  @Test
  void explainsItselfInHelp() {
    CliRun.Result help = CliRun.run("sources", "check", "--help");

    assertThat(help.code()).isZero();
    assertThat(help.out().replaceAll("\\s+", " "))
        .contains(
            "Crawl-delay",
            "robots-unreadable",
            "not-a-feed",
            "selector",
            "BELLWETHER_EDGAR_USER_AGENT",
            "--only",
            "--json",
            "Exit status: 0 when no source failed, 1 when any did");
    CliRun.Result bare = CliRun.run("sources");
    assertThat(bare.code()).isEqualTo(2);
    assertThat(bare.err()).contains("Missing subcommand: try 'sources check'.");
  }

  private static JsonNode byId(List<JsonNode> lines, String id) {
    return lines.stream()
        .filter(l -> l.get("id").asText().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + id + " in " + lines));
  }
}
