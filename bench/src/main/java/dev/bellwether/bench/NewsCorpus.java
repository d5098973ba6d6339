package dev.bellwether.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Real article text for the tagging benchmarks: the main text of the 130 real web pages (news,
 * blogs, Wikipedia) in {@code ../shared/corpora/readability} ({@code expected.html}, one paragraph
 * per block element), each with one labeled AI-news text of {@code events-dev.jsonl} inserted after
 * its first paragraph, as an article that reports an event among its other prose. Most of the text
 * is ordinary prose that names no company and reports no event, as in real articles; the {@link
 * ArticleCorpus} is the event-dense counterpart.
 */
public final class NewsCorpus {
  static final List<String> CANDIDATES =
      List.of("../shared/corpora/readability", "../../shared/corpora/readability");

  private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, pre, blockquote, dd, dt, td";

  private NewsCorpus() {}

  /** Whether the pages are where the benchmarks look for them. */
  public static boolean available() {
    return directory() != null;
  }

  /**
   * The articles, in page-name order.
   *
   * @throws IllegalStateException when {@code ../shared/corpora/readability} is absent
   */
  public static ArticleCorpus load() {
    Path dir = directory();
    if (dir == null) {
      throw new IllegalStateException(
          "the news corpus needs ../shared/corpora/readability (run from the project root)");
    }
    List<String> events = ArticleCorpus.eventTexts();
    List<String> articles = new ArrayList<>();
    try (Stream<Path> pages = Files.list(dir)) {
      for (Path page : pages.sorted().toList()) {
        Path expected = page.resolve("expected.html");
        if (!Files.isRegularFile(expected)) {
          continue;
        }
        List<String> paragraphs = paragraphs(Files.readString(expected, StandardCharsets.UTF_8));
        if (paragraphs.isEmpty()) {
          continue;
        }
        paragraphs.add(Math.min(1, paragraphs.size()), events.get(articles.size() % events.size()));
        articles.add(String.join("\n\n", paragraphs));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ArticleCorpus.of(articles);
  }

  /** The text of each innermost block element, in document order. */
  static List<String> paragraphs(String html) {
    List<String> out = new ArrayList<>();
    for (Element block : Jsoup.parse(html).select(BLOCKS)) {
      if (block.select(BLOCKS).size() > 1) { // select() includes the block itself
        continue; // an outer block: its inner blocks are read instead
      }
      String text = block.text().strip();
      if (!text.isEmpty()) {
        out.add(text);
      }
    }
    return out;
  }

  private static Path directory() {
    String override = System.getProperty("bellwether.bench.pages");
    for (String candidate : override != null ? List.of(override) : CANDIDATES) {
      if (Files.isDirectory(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return null;
  }
}
