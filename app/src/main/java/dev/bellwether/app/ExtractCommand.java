package dev.bellwether.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bellwether.extract.ArticleExtractor;
import dev.bellwether.extract.ExtractedArticle;
import dev.bellwether.extract.PageDecoding;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bellwether extract}: extracts the article of saved HTML pages, one JSON line each. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Extract the article from saved HTML pages offline, as the page fetcher would, and print"
          + " one JSON object per file:",
      "  {\"file\", \"title\", \"byline\", \"published\", \"site\", \"lang\", \"canonical\","
          + " \"image\", \"readerable\", \"text\"}.",
      "Bytes are decoded as the page fetcher decodes a page served without a charset: a byte"
          + " order mark, else a <meta> charset in the first 2048 bytes, else UTF-8. A file that cannot be read gets {\"file\", \"error\"}; the"
          + " exit code is 0 once every file was examined."
    },
    footer = {
      "",
      "Examples:",
      "  bellwether extract saved/article.html",
      "  bellwether extract --base-url https://news.example/2025/06/story page.html",
      "  bellwether extract saved/*.html | jq -r 'select(.readerable) | .title'"
    })
final class ExtractCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin JsonLinesFormat format;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "The pages' URL, which resolves their relative links (default: each file's file:// URL).")
  @Nullable URI baseUrl;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Saved HTML pages.")
  List<String> files;

  @Override
  public Integer call() {
    if (baseUrl != null && !baseUrl.isAbsolute()) {
      throw new UserError(
          "--base-url must be an absolute URL such as https://news.example/a, not " + baseUrl);
    }
    PrintWriter out = spec.commandLine().getOut();
    ArticleExtractor extractor = new ArticleExtractor();
    for (String file : files) {
      out.println(line(file, extractor));
      out.flush();
    }
    return 0;
  }

  private String line(String file, ArticleExtractor extractor) {
    ObjectNode json = Json.MAPPER.createObjectNode().put("file", file);
    try {
      Path path = Path.of(file);
      String html = decode(Files.readAllBytes(path));
      describe(
          json, extractor.extract(html, baseUrl != null ? baseUrl : path.toAbsolutePath().toUri()));
    } catch (NoSuchFileException e) {
      json.put("error", "No such file.");
    } catch (AccessDeniedException e) {
      json.put("error", "Permission denied: the file cannot be read.");
    } catch (InvalidPathException e) {
      json.put("error", "Not a valid file name: " + e.getReason() + ".");
    } catch (IOException e) {
      json.put(
          "error",
          Files.isDirectory(Path.of(file))
              ? "A directory, not a saved HTML page."
              : "The file cannot be read: " + e.getMessage() + ".");
    }
    return json.toString();
  }

  private static void describe(ObjectNode json, ExtractedArticle article) {
    json.put("title", article.title())
        .put("byline", article.byline())
        .put("published", article.published() == null ? null : article.published().toString())
        .put("site", article.siteName())
        .put("lang", article.language())
        .put("canonical", article.canonicalUrl())
        .put("image", article.leadImageUrl())
        .put("readerable", article.readerable())
        .put("text", article.text());
  }

  /** A saved page's text, decoded as the page fetcher decodes a page served without a charset. */
  static String decode(byte[] bytes) {
    return PageDecoding.decode(bytes, null).text();
  }
}
