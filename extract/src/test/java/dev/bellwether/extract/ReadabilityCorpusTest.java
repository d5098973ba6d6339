package dev.bellwether.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Scores {@link MainText} against Mozilla Readability's test pages, read in place from {@code
 * ../shared/corpora/readability} beside the project root (skipped when absent).
 *
 * <p>Per page, the bag-of-words token F1 between our text and the text of {@code expected.html},
 * computed as {@code ../shared/tools/score_extraction.py} does. Predictions are written to {@code
 * target/readability-pred.jsonl} so that the script can score them too. The bar is that of the
 * issues: mean F1 of at least 0.97 (issue 20) and at least 85 % of pages at 0.95 or more.
 */
class ReadabilityCorpusTest {
  /** The base URI the upstream tests parse every page with. */
  static final URI BASE = URI.create("http://fakehost/test/page.html");

  private static final double MIN_MEAN_F1 = 0.97;
  private static final double MIN_SHARE_AT_095 = 0.85;
  private static final double MIN_READERABLE_AGREEMENT = 0.9;

  @Test
  void mainTextMatchesReadabilityExpectations() throws IOException {
    List<CorpusPage> pages = CorpusPage.all(CorpusPage.folder());
    Map<CorpusPage, MainText.Result> results = new HashMap<>();
    for (CorpusPage page : pages) {
      results.put(page, MainText.extract(Jsoup.parse(page.source(), BASE.toString())));
    }
    Path pred = Path.of("target", "readability-pred.jsonl");
    CorpusPage.writePredictions(pred, pages, p -> results.get(p).text());
    Score score = Score.of(pages, p -> results.get(p).text());
    long agreeing =
        pages.stream().filter(p -> p.readerable() == results.get(p).readerable()).count();
    System.out.printf(
        Locale.ROOT,
        "MainText on readability corpus: %s; readerable agrees on %d/%d; predictions in %s%n",
        score,
        agreeing,
        pages.size(),
        pred.toAbsolutePath());

    assertThat(score.meanF1()).as("mean token F1").isGreaterThanOrEqualTo(MIN_MEAN_F1);
    assertThat(score.shareAtLeast095())
        .as("share of pages at F1 >= 0.95")
        .isGreaterThanOrEqualTo(MIN_SHARE_AT_095);
    assertThat((double) agreeing / pages.size())
        .as("readerable verdict agreement")
        .isGreaterThanOrEqualTo(MIN_READERABLE_AGREEMENT);
  }

  @Test
  void tokenF1CountsWordsCaseFoldedAsTheScorerDoes() {
    assertThat(TokenF1.of("Straße, the the", "STRASSE the")).isEqualTo(0.8);
    assertThat(TokenF1.of("", "")).isEqualTo(1.0);
    assertThat(TokenF1.of("abc", "")).isEqualTo(0.0);
    assertThat(TokenF1.tokens("人工知能は 2024年_A")).containsExactly("人工知能は", "2024年_a");
  }

  /** One page of the corpus: its source, expected text and expected verdict. */
  record CorpusPage(Path dir, String source, String expectedText, boolean readerable) {
    private static final Pattern READERABLE =
        Pattern.compile("\"readerable\"\\s*:\\s*(true|false)");

    String name() {
      return dir.getFileName().toString();
    }

    Path sourceFile() {
      return dir.resolve("source.html");
    }

    /**
     * The corpus folder, found by walking up from the working directory to a folder with a {@code
     * pom.xml} and a {@code ../shared/corpora/readability} beside it; the caller is skipped without
     * one.
     */
    static Path folder() {
      for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolveSibling("shared").resolve("corpora").resolve("readability");
        if (Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(candidate)) {
          return candidate;
        }
      }
      Assumptions.abort(
          "../shared/corpora/readability not found beside the project root; corpus test skipped");
      throw new AssertionError("unreachable");
    }

    static List<CorpusPage> all(Path folder) throws IOException {
      List<CorpusPage> pages = new ArrayList<>();
      try (Stream<Path> dirs = Files.list(folder)) {
        for (Path dir : dirs.sorted().toList()) {
          if (Files.isRegularFile(dir.resolve("expected.html"))) {
            pages.add(load(dir));
          }
        }
      }
      return pages;
    }

    private static CorpusPage load(Path dir) throws IOException {
      String metadata = read(dir.resolve("expected-metadata.json"));
      Matcher m = READERABLE.matcher(metadata);
      boolean readerable = !m.find() || Boolean.parseBoolean(m.group(1));
      return new CorpusPage(
          dir,
          read(dir.resolve("source.html")),
          ExpectedText.of(read(dir.resolve("expected.html"))),
          readerable);
    }

    private static String read(Path file) throws IOException {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    static void writePredictions(
        Path out, List<CorpusPage> pages, Function<CorpusPage, String> text) throws IOException {
      ObjectMapper json = new ObjectMapper();
      List<String> lines = new ArrayList<>();
      for (CorpusPage page : pages) {
        ObjectNode line = json.createObjectNode();
        line.put("file", page.sourceFile().toString());
        line.put("text", text.apply(page));
        lines.add(json.writeValueAsString(line));
      }
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.write(out, lines, StandardCharsets.UTF_8);
    }
  }

  /** Mean and median F1 over the pages, the share at 0.95 or more, and the worst pages. */
  record Score(double meanF1, double medianF1, double shareAtLeast095, List<String> worst) {
    static Score of(List<CorpusPage> pages, Function<CorpusPage, String> text) {
      List<Map.Entry<String, Double>> f1s = new ArrayList<>();
      for (CorpusPage page : pages) {
        f1s.add(Map.entry(page.name(), TokenF1.of(text.apply(page), page.expectedText())));
      }
      f1s.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
      double mean = f1s.stream().mapToDouble(Map.Entry::getValue).average().orElse(0);
      double median =
          (f1s.get((f1s.size() - 1) / 2).getValue() + f1s.get(f1s.size() / 2).getValue()) / 2;
      double share = f1s.stream().filter(e -> e.getValue() >= 0.95).count() / (double) f1s.size();
      List<String> worst =
          f1s.stream()
              .limit(12)
              .map(e -> String.format(Locale.ROOT, "%.3f %s", e.getValue(), e.getKey()))
              .toList();
      return new Score(mean, median, share, worst);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "mean-F1 %.4f median-F1 %.4f pages>=0.95 %.4f worst %s",
          meanF1,
          medianF1,
          shareAtLeast095,
          worst);
    }
  }

  /**
   * Text of an expected page as the scorer reads it: character data outside script, style, noscript
   * and template, with a space at every tag.
   */
  static final class ExpectedText {
    private static final Set<String> SKIP = Set.of("script", "style", "noscript", "template");

    private ExpectedText() {}

    static String of(String html) {
      StringBuilder out = new StringBuilder();
      Document doc = Jsoup.parse(html);
      doc.traverse(
          new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
              if (node instanceof TextNode text && !skipped(text)) {
                out.append(text.getWholeText());
              } else if (node instanceof Element) {
                out.append(' ');
              }
            }

            @Override
            public void tail(Node node, int depth) {
              if (node instanceof Element) {
                out.append(' ');
              }
            }
          });
      return out.toString();
    }

    private static boolean skipped(TextNode text) {
      for (Element e = text.parent(); e != null; e = e.parent()) {
        if (SKIP.contains(e.normalName())) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Bag-of-words token F1 as the scorer computes it: tokens are runs of Unicode letters, digits and
   * underscores (Python's {@code \w+}), compared case-folded.
   */
  static final class TokenF1 {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

    private TokenF1() {}

    static double of(String predicted, String gold) {
      Map<String, Integer> a = bag(predicted);
      Map<String, Integer> b = bag(gold);
      if (a.isEmpty() && b.isEmpty()) {
        return 1.0;
      }
      long common = 0;
      for (Map.Entry<String, Integer> e : a.entrySet()) {
        common += Math.min(e.getValue(), b.getOrDefault(e.getKey(), 0));
      }
      if (common == 0) {
        return 0.0;
      }
      double p = common / (double) size(a);
      double r = common / (double) size(b);
      return 2 * p * r / (p + r);
    }

    static List<String> tokens(String text) {
      List<String> tokens = new ArrayList<>();
      Matcher m = TOKEN.matcher(text);
      while (m.find()) {
        tokens.add(caseFold(m.group()));
      }
      return tokens;
    }

    /** Close to Python's {@code str.casefold}: full upper-casing, then per-character lower. */
    private static String caseFold(String token) {
      StringBuilder out = new StringBuilder(token.length());
      token
          .toUpperCase(Locale.ROOT)
          .codePoints()
          .map(Character::toLowerCase)
          .forEach(out::appendCodePoint);
      return out.toString();
    }

    private static Map<String, Integer> bag(String text) {
      Map<String, Integer> bag = new HashMap<>();
      for (String t : tokens(text)) {
        bag.merge(t, 1, Integer::sum);
      }
      return bag;
    }

    private static long size(Map<String, Integer> bag) {
      return bag.values().stream().mapToLong(Integer::longValue).sum();
    }
  }
}
